package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authn"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/password"
)

// httpError is an error the HTTP layer itself raises (bad JSON, too large,
// unsupported query syntax), already carrying its status and Graph code.
type httpError struct {
	status  int
	code    string
	message string
	target  string
}

func (e *httpError) Error() string { return e.message }

func badRequest(target, format string, args ...any) error {
	return &httpError{status: http.StatusBadRequest, code: "Request_BadRequest", message: sprintf(format, args...), target: target}
}

func unsupportedQuery(format string, args ...any) error {
	return &httpError{status: http.StatusBadRequest, code: "Request_UnsupportedQuery", message: sprintf(format, args...)}
}

func unauthenticated(err error) error {
	msg := "Access token is empty."
	var ae *authn.Error
	var de *directory.Error
	switch {
	case errors.As(err, &ae):
		msg = ae.Message
	case errors.As(err, &de) && de.Kind == directory.KindUnauthenticated:
		msg = de.Message
	case err != nil:
		msg = "Access token is invalid."
	}
	return &httpError{status: http.StatusUnauthorized, code: "InvalidAuthenticationToken", message: msg}
}

// writeError is the one place that maps an error to a status and a Graph
// error body. Internal errors are logged with the request id and answered
// with the id only.
func (a *API) writeError(w http.ResponseWriter, r *http.Request, err error) {
	status, body := a.errorBody(r, err)
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="`+a.publicURL+`", error="invalid_token"`)
	}
	writeJSON(w, status, body)
}

func (a *API) errorBody(r *http.Request, err error) (int, client.ErrorBody) {
	id := requestID(r.Context())
	inner := &client.InnerError{Date: time.Now().UTC().Format("2006-01-02T15:04:05"), RequestID: id,
		ClientRequestID: r.Header.Get("client-request-id")}
	body := func(status int, code, msg, target, detailCode string) (int, client.ErrorBody) {
		d := client.ErrorDetail{Code: code, Message: msg, InnerError: inner}
		if target != "" || detailCode != "" {
			d.Details = []client.ErrorItem{{Code: orDefault(detailCode, code), Message: msg, Target: target}}
		}
		return status, client.ErrorBody{Error: d}
	}
	var he *httpError
	if errors.As(err, &he) {
		return body(he.status, he.code, he.message, he.target, "")
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return body(http.StatusRequestEntityTooLarge, "Request_EntityTooLarge", sprintf("The request body is larger than %d bytes.", mbe.Limit), "", "")
	}
	de, ok := directory.AsError(err)
	if !ok {
		de = &directory.Error{Kind: directory.KindInternal}
	}
	if de.MessageNL != "" && strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "nl") {
		d := *de
		d.Message, de = d.MessageNL, &d
	}
	switch de.Kind {
	case directory.KindNotFound:
		return body(http.StatusNotFound, "Request_ResourceNotFound", de.Message, "", "")
	case directory.KindInvalid, directory.KindSyncMastered:
		msg := de.Message
		var pe *password.PolicyError
		if errors.As(err, &pe) && strings.HasPrefix(strings.ToLower(r.Header.Get("Accept-Language")), "nl") {
			msg = pe.Message("nl") // the rule in the caller's language
		}
		return body(http.StatusBadRequest, "Request_BadRequest", msg, de.Field, de.Code)
	case directory.KindConflict:
		status := http.StatusBadRequest // Graph answers conflicts with 400
		if strings.HasPrefix(r.URL.Path, "/api/") {
			status = http.StatusConflict
		}
		return body(status, "Request_BadRequest", de.Message, de.Field, de.Code)
	case directory.KindDenied:
		// The details name the missing permission (target) and the target
		// rule that applied (code), for clients that explain refusals.
		msg := de.Message
		var rf *authz.Refusal
		if errors.As(err, &rf) {
			msg = rf.MessageIn(r.Header.Get("Accept-Language"))
		}
		return body(http.StatusForbidden, "Authorization_RequestDenied", msg, de.Field, de.Code)
	case directory.KindUnauthenticated:
		return body(http.StatusUnauthorized, "InvalidAuthenticationToken", de.Message, "", "")
	case directory.KindUnsupportedQuery:
		return body(http.StatusBadRequest, "Request_UnsupportedQuery", de.Message, "", "")
	case directory.KindStale:
		return body(http.StatusPreconditionFailed, "PreconditionFailed", de.Message, "", "")
	}
	a.log.LogAttrs(r.Context(), slog.LevelError, "internal error", slog.String("request_id", id), slog.String("error", err.Error()))
	return body(http.StatusInternalServerError, "generalException", "An unexpected error occurred. Request id: "+id, "", "")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// writeJSONBody writes v as the JSON body of a 200 whose headers (such as
// caching) the caller has set.
func writeJSONBody(w http.ResponseWriter, v any) {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}
