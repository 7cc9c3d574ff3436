package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// maxBody is the largest request body the API reads.
const maxBody = 1 << 20

func sprintf(format string, args ...any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// readObject reads a JSON object body of at most maxBody bytes into its
// properties, in a stable order.
func readObject(w http.ResponseWriter, r *http.Request) (map[string]json.RawMessage, error) {
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(strings.ToLower(ct), "application/json") {
		return nil, &httpError{status: http.StatusUnsupportedMediaType, code: "Request_BadRequest",
			message: "The request body must be JSON (Content-Type: application/json)."}
	}
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, badRequest("", "The request body is empty; send a JSON object.")
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			return nil, badRequest("", "The request body is not valid JSON: %s (at byte %d).", se.Error(), se.Offset)
		case errors.As(err, &te):
			return nil, badRequest("", "The request body must be a JSON object.")
		}
		return nil, badRequest("", "The request body is not valid JSON.")
	}
	if m == nil {
		return nil, badRequest("", "The request body must be a JSON object.")
	}
	delete(m, "@odata.type")
	return m, nil
}

// sortedKeys returns the keys of m in order, so errors are deterministic.
func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// decodeValue decodes one property's JSON value according to kind: a
// string, a bool or a list of strings; JSON null clears a string or list.
func decodeValue(name string, kind directory.PropKind, raw json.RawMessage) (any, error) {
	if string(bytes.TrimSpace(raw)) == "null" {
		if kind == directory.PropBool {
			return nil, badRequest(name, "Property '%s' can't be null; use true or false.", name)
		}
		return nil, nil
	}
	switch kind {
	case directory.PropBool:
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return nil, badRequest(name, "Property '%s' must be true or false.", name)
		}
		return b, nil
	case directory.PropStringList:
		var l []string
		if err := json.Unmarshal(raw, &l); err != nil {
			return nil, badRequest(name, "Property '%s' must be an array of strings.", name)
		}
		return l, nil
	default:
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, badRequest(name, "Property '%s' must be a string.", name)
		}
		return s, nil
	}
}

// decodeStrict decodes raw into v, refusing unknown properties.
func decodeStrict(name string, raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		msg := err.Error()
		if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
			return badRequest(name, "Property %s does not exist on '%s'.", f, name)
		}
		return badRequest(name, "Property '%s' has the wrong shape: %s.", name, strings.TrimPrefix(msg, "json: "))
	}
	return nil
}

// mustJSON re-encodes decoded properties so a strict decoder can read them
// into a struct.
func mustJSON(m map[string]json.RawMessage) json.RawMessage {
	b, _ := json.Marshal(m)
	return b
}

// readInto reads a JSON object body strictly into v.
func readInto(w http.ResponseWriter, r *http.Request, name string, v any) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	return decodeStrict(name, mustJSON(m), v)
}
