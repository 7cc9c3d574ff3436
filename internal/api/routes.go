package api

import (
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

// routes is the route table: the whole API in one place.
func (a *API) routes(mux *http.ServeMux) {
	h := a.authed

	mux.Handle("GET /v1.0/me", h(a.getMe))
	mux.Handle("GET /v1.0/users", h(a.listUsers))
	mux.Handle("POST /v1.0/users", h(a.createUser))
	mux.Handle("GET /v1.0/users/{id}", h(a.getUser)) // also /users/$count
	mux.Handle("PATCH /v1.0/users/{id}", h(a.updateUser))
	mux.Handle("DELETE /v1.0/users/{id}", h(a.deleteUser))
	mux.Handle("GET /v1.0/users/{id}/memberOf", h(a.listRelated(directory.RelMemberOf)))

	mux.Handle("GET /v1.0/directory/deletedItems/{id}", h(a.getDeletedItem)) // also /microsoft.graph.user
	mux.Handle("POST /v1.0/directory/deletedItems/{id}/restore", h(a.restoreDeletedItem))
	mux.Handle("DELETE /v1.0/directory/deletedItems/{id}", h(a.purgeDeletedItem))

	mux.Handle("GET /v1.0/groups", h(a.listGroups))
	mux.Handle("POST /v1.0/groups", h(a.createGroup))
	mux.Handle("GET /v1.0/groups/{id}", h(a.getGroup))
	mux.Handle("PATCH /v1.0/groups/{id}", h(a.updateGroup))
	mux.Handle("DELETE /v1.0/groups/{id}", h(a.deleteGroup))
	mux.Handle("GET /v1.0/groups/{id}/members", h(a.listRelated(directory.RelMembers)))
	mux.Handle("POST /v1.0/groups/{id}/members/$ref", h(a.addMember))
	mux.Handle("DELETE /v1.0/groups/{id}/members/{member}/$ref", h(a.removeMember))
	mux.Handle("GET /v1.0/groups/{id}/owners", h(a.listRelated(directory.RelOwners)))
	mux.Handle("POST /v1.0/groups/{id}/owners/$ref", h(a.addOwner))
	mux.Handle("DELETE /v1.0/groups/{id}/owners/{owner}/$ref", h(a.removeOwner))
	mux.Handle("GET /v1.0/groups/{id}/memberOf", h(a.listRelated(directory.RelMemberOf)))

	mux.Handle("GET /v1.0/domains", h(a.listDomains))
	mux.Handle("POST /v1.0/domains", h(a.createDomain))
	mux.Handle("GET /v1.0/domains/{id}", h(a.getDomain))
	mux.Handle("PATCH /v1.0/domains/{id}", h(a.updateDomain))
	mux.Handle("DELETE /v1.0/domains/{id}", h(a.deleteDomain))
	mux.Handle("GET /v1.0/domains/{id}/verificationDnsRecords", h(a.domainDNSRecords))
	mux.Handle("POST /v1.0/domains/{id}/verify", h(a.verifyDomain))

	mux.Handle("GET /v1.0/organization", h(a.listOrganization))
	mux.Handle("GET /v1.0/organization/{id}", h(a.getOrganization))
	mux.Handle("PATCH /v1.0/organization/{id}", h(a.updateOrganization))

	mux.Handle("GET /v1.0/auditLogs/directoryAudits", h(a.listAudit))

	mux.Handle("POST /api/signup", a.public(a.signupHandler))

	fallback := a.public(func(w http.ResponseWriter, r *http.Request) error { return notFoundRoute(mux, w, r) })
	mux.Handle("/v1.0/", fallback)
	mux.Handle("/api/", fallback)
}

// tenantRoutes are the per-tenant endpoints outside /v1.0 and /api, in
// Entra's layout.
func (a *API) tenantRoutes(mux *http.ServeMux) {
	mux.Handle("GET /{tenant}/discovery/v2.0/keys", a.public(a.jwks))
}

// notFoundRoute answers paths outside the route table in the Graph error
// shape: 405 when another method serves the path, else 404.
func notFoundRoute(mux *http.ServeMux, w http.ResponseWriter, r *http.Request) error {
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodPut, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := mux.Handler(probe); pattern != "/v1.0/" && pattern != "/api/" && pattern != "" {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) > 0 {
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		return &httpError{status: http.StatusMethodNotAllowed, code: "Request_BadRequest",
			message: "The method " + r.Method + " is not allowed on " + r.URL.Path + "."}
	}
	return &httpError{status: http.StatusNotFound, code: "Request_ResourceNotFound",
		message: "Resource not found for the segment '" + r.URL.Path + "'."}
}
