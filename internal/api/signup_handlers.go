package api

import (
	"net/http"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

// signup creates a tenant when the deployment allows self-service sign-up.
func (a *API) signupHandler(w http.ResponseWriter, r *http.Request) error {
	if !a.signup {
		return &httpError{status: http.StatusNotFound, code: "Request_ResourceNotFound",
			message: "Self-service sign-up is turned off on this deployment; ask the operator for a tenant."}
	}
	p := signupPrincipal(r)
	if !a.signups.allow(p.IPAddress) {
		w.Header().Set("Retry-After", "3600")
		return &httpError{status: http.StatusTooManyRequests, code: "TooManyRequests",
			message: "Too many sign-ups from this address; try again in an hour."}
	}
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	var req client.SignupRequest
	fields := map[string]*string{"name": &req.Name, "domainPrefix": &req.DomainPrefix, "adminUsername": &req.AdminUsername,
		"adminPassword": &req.AdminPassword}
	for _, k := range sortedKeys(m) {
		dst, ok := fields[k]
		if !ok {
			return badRequest(k, "Property '%s' is not part of a sign-up; send name, domainPrefix, adminUsername and adminPassword.", k)
		}
		v, err := decodeValue(k, directory.PropString, m[k])
		if err != nil {
			return err
		}
		*dst, _ = v.(string)
	}
	for _, k := range []string{"name", "domainPrefix", "adminUsername", "adminPassword"} {
		if *fields[k] == "" {
			return badRequest(k, "Property '%s' is required.", k)
		}
	}
	ctx := withPrincipal(r.Context(), p)
	ct, err := a.dir.CreateTenant(ctx, directory.NewTenant{Name: req.Name, DomainPrefix: req.DomainPrefix,
		AdminUsername: req.AdminUsername, AdminPassword: req.AdminPassword})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, client.SignupResponse{TenantID: ct.TenantID, InitialDomain: ct.InitialDomain, AdminUPN: ct.AdminUPN})
	return nil
}

// jwks serves a tenant's token verification keys.
func (a *API) jwks(w http.ResponseWriter, r *http.Request) error {
	tenant, err := a.dir.ResolveTenant(r.Context(), r.PathValue("tenant"))
	if err != nil {
		return &httpError{status: http.StatusBadRequest, code: "invalid_tenant",
			message: "AADSTS90002: Tenant '" + r.PathValue("tenant") + "' not found."}
	}
	set, err := a.tokens.JWKS(r.Context(), tenant)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	writeJSONBody(w, set)
	return nil
}
