package projectfs

import (
	"fmt"
	"io/fs"
)

// Reason is why the rule refuses a file.
type Reason int

const (
	Outside    Reason = iota + 1 // a symbolic link leads out of the project, or is absolute
	Dangling                     // a symbolic link leads to nothing
	NotRegular                   // a named pipe, device, socket, or a folder where a file is read
	TooLarge                     // more bytes than Limit
	Cycle                        // a link to a folder that holds it (Walk)
	Loop                         // links that lead round in a loop, or through too many links
	Repeat                       // a second link to a folder already reached through a link (Walk)
)

// Refusal is a file the rule does not let gen read. Its message never
// shows anything of what a link points at.
type Refusal struct {
	Path   string // the name asked for
	Reason Reason
	Mode   fs.FileMode // NotRegular: the file's type bits
	Size   int64       // TooLarge: its size, or 0 if it grew past Limit while read
	Limit  int64       // TooLarge
}

func (r *Refusal) Error() string { return r.Path + ": " + r.Message() }

// Message says what is wrong, without the file's name.
func (r *Refusal) Message() string {
	switch r.Reason {
	case Outside:
		return "symbolic link points outside the project folder"
	case Dangling:
		return "symbolic link points to nothing: its target does not exist"
	case NotRegular:
		return "is " + kind(r.Mode) + ", not a regular file"
	case TooLarge:
		if r.Size == 0 {
			return fmt.Sprintf("file grew past the %d MiB gen reads while it was read", r.Limit>>20)
		}
		return fmt.Sprintf("file is %.1f MiB, more than the %d MiB gen reads", float64(r.Size)/(1<<20), r.Limit>>20)
	case Cycle:
		return "symbolic link leads to a folder that holds it, so it is not followed"
	case Loop:
		return "symbolic link leads round in a loop, or through too many other links"
	case Repeat:
		return "symbolic link leads to a folder another link already leads to, so it is not followed"
	}
	return "cannot be read"
}

// Hint says what to do about it.
func (r *Refusal) Hint() string {
	switch r.Reason {
	case Outside:
		return "copy the file into the project: gen follows only relative links that stay inside the project folder"
	case Dangling:
		return "fix the link, or delete it"
	case NotRegular:
		if r.Mode.IsDir() {
			return "rename the folder, or put the file in its place"
		}
		return "gen reads only regular files and folders: delete it, or put a regular file in its place"
	case TooLarge:
		if r.Limit == MaxStatic {
			return "GitHub Pages accepts no file over 100 MiB: host it elsewhere and link to it"
		}
		return "split the file: no briefing's text comes near this size"
	case Cycle:
		return "delete the link: following it would copy the folder into itself without end"
	case Loop:
		return "point the link straight at the file"
	case Repeat:
		return "link to a folder once: links to links to one folder would copy it over and over"
	}
	return ""
}

func kind(mode fs.FileMode) string {
	switch {
	case mode.IsDir():
		return "a folder"
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case mode&fs.ModeSocket != 0:
		return "a socket"
	case mode&fs.ModeDevice != 0:
		return "a device"
	case mode&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}
