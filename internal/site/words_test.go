package site_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/briefing-gen/gen/internal/diag"
	"github.com/briefing-gen/gen/internal/site"
	"github.com/briefing-gen/gen/internal/testproject"
)

// A project's i18n/<lang>.toml overrides the built-in words of its
// language, a build reads it again when it changes, and a problem in it
// is reported at its place.
func TestProjectTranslationsOverrideAndAreReadAgain(t *testing.T) {
	files := fixture()
	files["site.toml"] = strings.Replace(files["site.toml"], `language = "en"`, `language = "uk"`, 1)
	if !strings.Contains(files["site.toml"], `language = "uk"`) {
		files["site.toml"] += "\nlanguage = \"uk\"\n"
	}
	files["i18n/uk.toml"] = "topics = \"Питання\"\n"
	dir := testproject.New(t, files)
	b := site.NewBuilder(project(dir))
	s, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	home := fileOf(t, s, "index.html")
	if !strings.Contains(home, ">Питання</a>") || !strings.Contains(home, ">Учасники</a>") || !strings.Contains(home, `<html lang="uk">`) {
		t.Errorf("the home page does not show the project's word and the built-in Ukrainian ones:\n%.3000s", home)
	}

	testproject.Write(t, dir, "i18n/uk.toml", "topics = \"Теми брифінгу\"\n")
	if s, err = b.Build([]string{"i18n/uk.toml"}); err != nil {
		t.Fatal(err)
	}
	if home := fileOf(t, s, "index.html"); !strings.Contains(home, ">Теми брифінгу</a>") {
		t.Errorf("the edited translation is not shown")
	}

	testproject.Write(t, dir, "i18n/uk.toml", "topics = \"Теми\"\nactors = \n")
	_, err = b.Build([]string{"i18n/uk.toml"})
	var failure *diag.Failure
	if !errors.As(err, &failure) {
		t.Fatalf("a broken translation file gave %v, want a failure", err)
	}
	if got := err.Error(); !strings.Contains(got, "i18n/uk.toml:2:") {
		t.Errorf("the failure does not say where: %s", got)
	}
}

func TestALanguageWithNoTranslationWarnsOnce(t *testing.T) {
	files := fixture()
	files["site.toml"] = strings.Replace(files["site.toml"], `language = "en"`, `language = "pl"`, 1)
	if !strings.Contains(files["site.toml"], `language = "pl"`) {
		files["site.toml"] += "\nlanguage = \"pl\"\n"
	}
	s, err := site.Build(project(testproject.New(t, files)))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range s.Warnings {
		if strings.Contains(w.Message, `"pl"`) {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d warnings name pl, want 1: %v", n, s.Warnings)
	}
	if home := fileOf(t, s, "index.html"); !strings.Contains(home, ">Topics</a>") {
		t.Errorf("the pages are not in English")
	}
}
