package gengo

import (
	"github.com/apidocgen/apidocgen/generator/model"
)

// A genCase is one hand-built model and the options to emit it with.
type genCase struct {
	name  string
	model func() *model.Model
	opts  Options
}

const ns = "microsoft.graph."

// showcaseModel exercises every feature at once; the compile-and-run test
// uses it with testdata/run/showcase_test.go.txt.
func showcaseModel() *model.Model {
	b := newBuilder()
	ent := b.entity(ns+"entity", "", prop("id", model.EdmString, "notnull", "doc=The unique identifier. Key. Read-only."))
	ent.Abstract = true
	ent.Key = "id"
	b.entity(ns+"directoryObject", ns+"entity",
		prop("deletedDateTime", model.EdmDateTimeOffset, "doc=Date and time when this object was deleted."))
	u := b.entity(ns+"user", ns+"directoryObject",
		prop("displayName", model.EdmString, "doc=The name displayed in the address book. See [the docs](https://example.com/x) for **more**."),
		prop("accountEnabled", model.EdmBoolean, "notnull", "doc=true if the account is enabled. Not nullable."),
		prop("age", model.EdmInt32),
		prop("shoeSize", model.EdmInt16),
		prop("quota", model.EdmInt64, "notnull"),
		prop("level", model.EdmByte),
		prop("offset", model.EdmSByte),
		prop("ratio", model.EdmSingle),
		prop("score", model.EdmDouble),
		prop("balance", model.EdmDecimal),
		prop("birthday", model.EdmDate),
		prop("workStart", model.EdmTimeOfDay),
		prop("timeout", model.EdmDuration),
		prop("tenantId", model.EdmGuid),
		prop("photo", model.EdmBinary),
		prop("content", model.EdmStream),
		prop("settings", model.EdmUntyped),
		prop("webUrl", model.EdmString),
		prop("businessPhones", "Collection(Edm.String)", "doc=The telephone numbers. TODO: add more."),
		prop("mood", ns+"mood"),
		prop("workDays", ns+"dayOfWeek"),
		prop("mailboxSettings", ns+"mailboxSettings"),
		prop("homeAddress", ns+"physicalAddress", "notnull"),
		prop("addresses", "Collection("+ns+"physicalAddress)"),
		prop("manager", ns+"directoryObject"),
		prop("sponsor", ns+"directoryObject", "notnull"),
		prop("memberOf", "Collection("+ns+"directoryObject)"),
		prop("legacyField", model.EdmString, "deprecated", "doc=Use displayName instead."),
		prop("strangeThing", "?nosuchType"),
	)
	u.Doc = "Represents a user account. TODO: describe more. It has many properties."
	b.entity(ns+"group", ns+"directoryObject",
		prop("displayName", model.EdmString),
		prop("members", "Collection("+ns+"directoryObject)"),
		prop("visibility", model.EdmString, "notnull"),
	)
	b.entity(ns+"specialUser", ns+"user", prop("specialty", model.EdmString))
	b.entity(ns+"emptyUser", ns+"user")
	b.complex(ns+"mailboxSettings", "", prop("timeZone", model.EdmString), prop("archiveFolder", model.EdmString))
	b.complex(ns+"physicalAddress", "", prop("city", model.EdmString), prop("street", model.EdmString))
	open := b.complex(ns+"openComplex", "", prop("name", model.EdmString))
	open.Open = true
	b.enum(ns+"mood", false, "happy", "sad", "unknownFutureValue")
	b.enum(ns+"dayOfWeek", true, "sunday", "monday", "tuesday")
	b.entity(ns+"contentType", ns+"entity",
		prop("name", model.EdmString),
		prop("base", ns+"contentType"),
		prop("parent", ns+"contentType", "notnull"),
		prop("extra", ns+"openComplex"),
	)
	b.entity(ns+"callRecords.session", ns+"entity",
		prop("caller", ns+"physicalAddress"),
		prop("modalities", "Collection("+ns+"mood)"),
	)
	// Operations with payloads of their own: an action with a parameter
	// table (a polymorphic parameter among them), a polymorphic list, an
	// action answering strings, a function answering one number, and an
	// update whose table lists the user's properties.
	b.op("user-setmood", "user: setMood", model.OpAction, "POST", "/users/{id | userPrincipalName}/setMood", ns+"user",
		prop("mood", ns+"mood", "doc=The new mood. Required."),
		prop("days", "Collection("+ns+"dayOfWeek)"),
		prop("witness", ns+"directoryObject", "doc=Who saw it."))
	b.op("directoryobject-list", "List directoryObjects", model.OpList, "GET", "/directoryObjects", "Collection("+ns+"directoryObject)")
	b.op("user-getphones", "user: getPhones", model.OpAction, "POST", "/users/{id}/getPhones", "Collection(Edm.String)",
		prop("mobileOnly", model.EdmBoolean))
	b.op("user-countmembers", "user: countMembers", model.OpFunction, "GET", "/users/{id}/countMembers(kind='{kind}')", model.EdmInt32)
	b.op("user-update", "Update user", model.OpUpdate, "PATCH", "/users/{id}", "",
		prop("displayName", model.EdmString), prop("age", model.EdmInt32))
	return b.build()
}

func goldenCases() []genCase {
	return []genCase{
		{name: "showcase", model: showcaseModel},
		{name: "primitives", model: func() *model.Model {
			b := newBuilder()
			var props []*model.Property
			for _, p := range model.Primitives {
				n := p[len("Edm."):]
				props = append(props,
					prop("nullable"+n, p),
					prop("plain"+n, p, "notnull"),
					prop("many"+n, "Collection("+p+")"))
			}
			b.complex(ns+"allPrimitives", "", props...)
			return b.build()
		}},
		{name: "enums", model: func() *model.Model {
			b := newBuilder()
			e := b.enum(ns+"bodyType", false, "text", "html", "unknownFutureValue")
			e.Members[0].Doc = "Plain text."
			b.enum(ns+"weekDays", true, "sunday", "monday", "sunday")
			b.enum(ns+"emptyEnum", false)
			b.enum(ns+"oddMembers", false, "a-b", "aB", "3d", "")
			b.complex(ns+"item", "",
				prop("body", ns+"bodyType"),
				prop("kind", ns+"bodyType", "notnull"),
				prop("odd", ns+"oddMembers", "notnull"),
				prop("days", ns+"weekDays"),
				prop("kinds", "Collection("+ns+"bodyType)"))
			return b.build()
		}},
		{name: "names", model: func() *model.Model {
			b := newBuilder()
			b.complex(ns+"date", "", prop("value", model.EdmString))
			b.complex(ns+"ptr", "", prop("value", model.EdmString))
			b.complex(ns+"nameTest", "",
				prop("id", model.EdmString),
				prop("webUrl", model.EdmString),
				prop("webURL", model.EdmString),
				prop("userIds", "Collection(Edm.String)"),
				prop("ipAddress", model.EdmString),
				prop("htmlBody", model.EdmString),
				prop("apiVersion", model.EdmString),
				prop("uriTemplate", model.EdmString),
				prop("jsonPayload", model.EdmString),
				prop("utcOffset", model.EdmString),
				prop("type", model.EdmString),
				prop("func", model.EdmString),
				prop("@odata.nextLink", model.EdmString),
				prop("@microsoft.graph.downloadUrl", model.EdmString),
				prop("additionalData", model.EdmString),
				prop("validate", model.EdmString),
				prop("3dModel", model.EdmString),
				prop("x-ms-id", model.EdmString),
				prop("a,b", model.EdmString),
				prop("id", model.EdmInt32),
			)
			b.complex(ns+"callRecords.nameTest", "", prop("nameTest", model.EdmString))
			b.complex(ns+"child", ns+"nameTest", prop("nameTest", model.EdmString), prop("webUrl", model.EdmString))
			return b.build()
		}},
		{name: "roots", opts: Options{Package: "subset", Roots: []string{ns + "user", ns + "nosuch"}}, model: func() *model.Model {
			b := newBuilder()
			b.entity(ns+"entity", "", prop("id", model.EdmString))
			b.entity(ns+"user", ns+"entity", prop("manager", ns+"person"), prop("address", ns+"address"))
			b.entity(ns+"person", ns+"entity")
			b.entity(ns+"employee", ns+"person", prop("badge", ns+"badge"))
			b.complex(ns+"address", "")
			b.complex(ns+"badge", "")
			b.entity(ns+"unrelated", ns+"entity")
			b.entity(ns+"otherUser", ns+"user")
			return b.build()
		}},
		{name: "overrides", opts: Options{Overrides: Overrides{
			TypeNames:  map[string]string{ns + "user": "Person", ns + "nosuch": "X"},
			FieldNames: map[string]string{ns + "user.displayName": "Name", ns + "user.mail": "bad name"},
			FieldTypes: map[string]string{ns + "user.birthday": "string", ns + "user.extras": "map[string]json.RawMessage", ns + "user.mail": "*net/mail.Address", ns + "user.webUrl": "not a type"},
		}}, model: func() *model.Model {
			b := newBuilder()
			b.entity(ns+"user", "",
				prop("displayName", model.EdmString),
				prop("birthday", model.EdmDate),
				prop("extras", model.EdmUntyped),
				prop("mail", model.EdmString),
				prop("webUrl", model.EdmString))
			return b.build()
		}},
		{name: "split", opts: Options{FileTypes: 2}, model: func() *model.Model {
			b := newBuilder()
			b.complex(ns+"alpha", "")
			b.complex(ns+"apple", "")
			b.complex(ns+"banana", "")
			b.complex(ns+"_under", "")
			b.complex(ns+"callRecords.alpha", "")
			return b.build()
		}},
		// Two struct types per internal package: a reference cycle (a <-> b)
		// stays in one part, inheritance and properties only point to
		// earlier parts, the facade aliases everything, and an override
		// naming a generated type is qualified.
		{name: "parts", opts: Options{ImportPath: "example.com/parts", PartTypes: 2, Overrides: Overrides{
			// entity.extra makes entity use beta, which embeds entity: only
			// if the split reads the override do both land in one part.
			FieldTypes: map[string]string{ns + "leaf.other": "*Alpha", ns + "entity.extra": "*Beta"},
		}}, model: func() *model.Model {
			b := newBuilder()
			b.enum(ns+"color", false, "red", "green")
			b.entity(ns+"entity", "", prop("id", model.EdmString), prop("extra", model.EdmString))
			b.entity(ns+"alpha", ns+"entity", prop("beta", ns+"beta"), prop("color", ns+"color"))
			b.entity(ns+"beta", ns+"entity", prop("alpha", ns+"alpha"), prop("when", model.EdmDate))
			b.entity(ns+"leaf", ns+"alpha", prop("items", "Collection("+ns+"entity)"), prop("other", model.EdmString))
			b.complex(ns+"note", "", prop("text", model.EdmString))
			return b.build()
		}},
		{name: "cycle", model: func() *model.Model {
			b := newBuilder()
			b.entity(ns+"alpha", ns+"beta", prop("a", model.EdmString))
			b.entity(ns+"beta", ns+"alpha", prop("b", model.EdmString))
			b.entity(ns+"gamma", ns+"beta")
			return b.build()
		}},
	}
}
