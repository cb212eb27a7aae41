// Command measure runs one or more commands several times and reports,
// for each, its median, least and greatest wall time, its median CPU time
// (user + system) and its peak resident memory (RSS): the figures the
// performance targets are set in.
//
//	go run ./bench/measure -runs 3 -- gen build -root corpus
//
// Given several commands, separated by "--", it runs them in turn, one
// run of each per round, so that a machine whose speed drifts (a shared
// one does) slows each of them alike; -prepare runs a shell command
// before every run, untimed, with the label of the command to run as $1,
// as to empty its output folder; -ratio prints one command's figures over
// another's:
//
//	measure -runs 5 -prepare 'rm -rf "out-$1"' -label a -label b -ratio a/b \
//	  -- tool-a -out out-a -- tool-b -out out-b
//
// Every run is printed, with the machine's load average as it started.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

// labels collects the repeated -label flag.
type labels []string

func (l *labels) String() string     { return strings.Join(*l, ",") }
func (l *labels) Set(s string) error { *l = append(*l, s); return nil }

func main() {
	runs := flag.Int("runs", 3, "how many times to run each command")
	warmup := flag.Int("warmup", 0, "rounds to run first and not count")
	prepare := flag.String("prepare", "", "shell command to run, untimed, before every run, with the command's label as $1")
	var names, ratios labels
	flag.Var(&names, "label", "name to print for a command, once per command in order")
	flag.Var(&ratios, "ratio", "a/b: print command a's figures over command b's (repeatable)")
	flag.Parse()
	commands := splitCommands(flag.Args())
	if len(commands) == 0 || *runs < 1 {
		fmt.Fprintln(os.Stderr, "usage: measure [-runs N] [-warmup N] [-prepare SHELL] [-label NAME]... [-ratio A/B]... -- command [args] [-- command [args]]...")
		os.Exit(2)
	}
	if len(names) > len(commands) {
		fail("%d labels for %d commands", len(names), len(commands))
	}
	for i, c := range commands {
		if i >= len(names) {
			names = append(names, c[0])
		}
	}
	results := make([][]run, len(commands))
	for round := range *warmup + *runs {
		for i, c := range commands {
			if *prepare != "" {
				prep := exec.Command("sh", "-c", *prepare, "sh", names[i])
				prep.Stdout, prep.Stderr = os.Stderr, os.Stderr
				if err := prep.Run(); err != nil {
					fail("-prepare: %v", err)
				}
			}
			load := loadAverage()
			r, err := timeRun(c)
			if err != nil {
				fail("%s: %v", names[i], err)
			}
			if round < *warmup {
				fmt.Printf("warmup %d %s: %s (load %s)\n", round+1, names[i], r, load)
				continue
			}
			fmt.Printf("run %d %s: %s (load %s)\n", round-*warmup+1, names[i], r, load)
			results[i] = append(results[i], r)
		}
	}
	sums := make(map[string]summary, len(commands))
	for i, rs := range results {
		s := summarize(rs)
		sums[names[i]] = s
		fmt.Printf("%s: %s\n", names[i], s)
	}
	for _, r := range ratios {
		line, err := ratioLine(r, sums)
		if err != nil {
			fail("-ratio %s", err)
		}
		fmt.Println(line)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "measure: "+format+"\n", args...)
	os.Exit(1)
}

// splitCommands cuts the arguments after the flags at each "--".
func splitCommands(args []string) [][]string {
	var out [][]string
	for len(args) > 0 {
		i := slices.Index(args, "--")
		if i < 0 {
			i = len(args)
		}
		if i > 0 {
			out = append(out, args[:i])
		}
		args = args[min(i+1, len(args)):]
	}
	return out
}

// run is one timed run of a command.
type run struct {
	wall, user, sys time.Duration
	rssKB           int64
}

func (r run) String() string {
	return fmt.Sprintf("wall %.2f s, user+sys %.2f s (user %.2f, sys %.2f), peak RSS %d MB",
		r.wall.Seconds(), (r.user + r.sys).Seconds(), r.user.Seconds(), r.sys.Seconds(), r.rssKB/1024)
}

// timeRun runs a command, its output to standard error, and measures it.
// The kernel's figures for a waited-for process include those of its own
// waited-for children, so a shell script that runs the tool counts it.
func timeRun(c []string) (run, error) {
	cmd := exec.Command(c[0], c[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		return run{}, err
	}
	r := run{wall: time.Since(start), user: cmd.ProcessState.UserTime(), sys: cmd.ProcessState.SystemTime()}
	if u, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKB = u.Maxrss // kilobytes on Linux
	}
	return r, nil
}

// summary is a command's figures over its runs.
type summary struct {
	runs                   int
	wall, minWall, maxWall time.Duration
	cpu                    time.Duration // user + system, the median
	rssKB                  int64         // the greatest
}

func summarize(rs []run) summary {
	walls := make([]time.Duration, len(rs))
	cpus := make([]time.Duration, len(rs))
	s := summary{runs: len(rs)}
	for i, r := range rs {
		walls[i], cpus[i] = r.wall, r.user+r.sys
		s.rssKB = max(s.rssKB, r.rssKB)
	}
	slices.Sort(walls)
	s.wall, s.minWall, s.maxWall = median(walls), walls[0], walls[len(walls)-1]
	s.cpu = median(cpus)
	return s
}

// median of an even number of values is the mean of the middle two.
func median(ds []time.Duration) time.Duration {
	ds = slices.Sorted(slices.Values(ds))
	n := len(ds)
	if n%2 == 1 {
		return ds[n/2]
	}
	return (ds[n/2-1] + ds[n/2]) / 2
}

func (s summary) String() string {
	return fmt.Sprintf("median %.2f s of %d runs (min %.2f s, max %.2f s), user+sys %.2f s, peak RSS %d MB",
		s.wall.Seconds(), s.runs, s.minWall.Seconds(), s.maxWall.Seconds(), s.cpu.Seconds(), s.rssKB/1024)
}

// ratioLine is "a/b: wall x, user+sys y, peak RSS z" for the -ratio a/b.
func ratioLine(spec string, sums map[string]summary) (string, error) {
	a, b, ok := strings.Cut(spec, "/")
	x, okA := sums[a]
	y, okB := sums[b]
	if !ok || !okA || !okB {
		return "", fmt.Errorf("%q: want two labels of the commands, as gen/hugo", spec)
	}
	return fmt.Sprintf("%s/%s: wall %.2f, user+sys %.2f, peak RSS %.2f", a, b,
		x.wall.Seconds()/y.wall.Seconds(), x.cpu.Seconds()/y.cpu.Seconds(), float64(x.rssKB)/float64(y.rssKB)), nil
}

// loadAverage is the first three fields of /proc/loadavg, "?" where there is none.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	fields := strings.Fields(string(data))
	if err != nil || len(fields) < 3 {
		return "?"
	}
	return strings.Join(fields[:3], " ")
}
