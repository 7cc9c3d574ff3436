package api

import (
	"bytes"
	"io"
	"net/http"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/authz"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/partner"
)

// approvalJSON is what the approval page shows of a relationship.
func approvalJSON(v *directory.GDAPApproval) client.GDAPApproval {
	out := client.GDAPApproval{ID: v.ID, DisplayName: v.DisplayName, PartnerTenantID: v.PartnerTenantID, PartnerName: v.PartnerName,
		PartnerHasDelegatedAdmin: v.PartnerHasDAP, Duration: v.Duration, AutoExtendDuration: v.AutoExtend, Status: v.Status,
		EndDateTime: timeOrNil(v.EndAt), Roles: make([]client.GDAPRole, len(v.Roles))}
	if v.Status == partner.GDAPApprovalPending {
		out.ApprovalExpiresDateTime = timeOrNil(v.ApprovalDeadline())
	}
	for i, id := range v.Roles {
		out.Roles[i] = client.GDAPRole{RoleDefinitionID: id}
		if role, ok := authz.BuiltInRole(id); ok {
			out.Roles[i].DisplayName, out.Roles[i].Description = role.DisplayName, role.Description
		}
	}
	return out
}

func (a *API) listCustomerGDAP(w http.ResponseWriter, r *http.Request) error {
	vs, err := a.dir.CustomerGDAPRelationships(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	out := make([]client.GDAPApproval, len(vs))
	for i := range vs {
		out[i] = approvalJSON(&vs[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

func (a *API) getCustomerGDAP(w http.ResponseWriter, r *http.Request) error {
	v, err := a.dir.CustomerGDAPRelationship(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, approvalJSON(&v))
	return nil
}

// approveGDAP approves a relationship; the body {"removeDap": false}
// keeps the partner's DAP, which approval otherwise removes. The body may
// be empty.
func (a *API) approveGDAP(w http.ResponseWriter, r *http.Request) error {
	b, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		return err
	}
	var in client.GDAPApproveRequest
	if len(bytes.TrimSpace(b)) > 0 {
		if err := decodeStrict("approval", b, &in); err != nil {
			return err
		}
	}
	removeDAP := in.RemoveDAP == nil || *in.RemoveDAP
	ctx := r.Context()
	if _, err := a.dir.ApproveGDAP(ctx, tenantOf(ctx), r.PathValue("id"), removeDAP); err != nil {
		return err
	}
	return a.getCustomerGDAP(w, r)
}

func (a *API) declineGDAP(w http.ResponseWriter, r *http.Request) error {
	if _, err := a.dir.DeclineGDAP(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	return a.getCustomerGDAP(w, r)
}

func (a *API) terminateCustomerGDAP(w http.ResponseWriter, r *http.Request) error {
	if _, err := a.dir.TerminateGDAPByCustomer(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	return a.getCustomerGDAP(w, r)
}
