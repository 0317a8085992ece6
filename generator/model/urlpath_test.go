package model

import (
	"strings"
	"testing"
)

func TestPathSegments(t *testing.T) {
	for in, want := range map[string]string{
		"/users/{id}/chats":                        "users|{id}|chats",
		"/me/drive/root:/folder/file.txt:/content": "me|drive|root:|folder|file.txt:|content",
		"/range(address='A1:B2')/format":           "range(address='A1:B2')|format",
		"/users/{id | userPrincipalName}/photo":    "users|{id | userPrincipalName}|photo",
		"/me?$expand=manager":                      "me",
		"/sites/{id}/lists?$filter=a/b eq 1":       "sites|{id}|lists",
		"users":                                    "users",
		"":                                         "",
	} {
		if got := strings.Join(PathSegments(in), "|"); got != want {
			t.Errorf("PathSegments(%q) = %q, want %q", in, got, want)
		}
	}
}
