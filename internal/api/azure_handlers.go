package api

import (
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
	"github.com/atriumhq/atrium/internal/directory/azure"
)

// Resource subscriptions and their role assignments (partners.md §7). The
// same handlers serve a customer's own users (/api/azure/...) and its
// partner's agents (/api/customers/{tenantId}/azure/...).

// customerScope is whose subscriptions the request is about: the caller's
// tenant, or the customer in the path for a partner's agent.
func customerScope(r *http.Request) directory.CustomerScope {
	own := tenantOf(r.Context())
	if customer := r.PathValue("tenantId"); customer != "" {
		return directory.CustomerScope{TenantID: strings.ToLower(customer), PartnerID: own}
	}
	return directory.CustomerScope{TenantID: own}
}

func resourceSubscriptionJSON(tenantID string, s *azure.Subscription) client.ResourceSubscription {
	out := client.ResourceSubscription{ID: azure.Scope(s.ID), SubscriptionID: s.ID, TenantID: tenantID, DisplayName: s.DisplayName,
		State: s.State, CreatedDateTime: s.CreatedAt}
	if s.ProvisionedByPartner != "" {
		out.ProvisionedByPartnerTenantID = &s.ProvisionedByPartner
	}
	return out
}

func resourceRoleAssignmentJSON(a *azure.RoleAssignment) client.ResourceRoleAssignment {
	return client.ResourceRoleAssignment{ID: azure.AssignmentPath(a.SubscriptionID, a.ID), Name: a.ID, Type: "Microsoft.Authorization/roleAssignments",
		Properties: client.ResourceRoleAssignmentProperties{RoleDefinitionID: azure.RoleDefinitionPath(a.SubscriptionID, a.RoleDefinitionID),
			PrincipalID: a.PrincipalID, PrincipalType: a.PrincipalType, Scope: azure.Scope(a.SubscriptionID), CreatedOn: a.CreatedAt, CreatedBy: a.CreatedBy}}
}

func (a *API) listResourceSubscriptions(w http.ResponseWriter, r *http.Request) error {
	sc := customerScope(r)
	subs, err := a.dir.ListResourceSubscriptions(r.Context(), sc)
	if err != nil {
		return err
	}
	out := make([]client.ResourceSubscription, len(subs))
	for i := range subs {
		out[i] = resourceSubscriptionJSON(sc.TenantID, &subs[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

func (a *API) getResourceSubscription(w http.ResponseWriter, r *http.Request) error {
	sc := customerScope(r)
	sub, err := a.dir.GetResourceSubscription(r.Context(), sc, strings.ToLower(r.PathValue("id")))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, resourceSubscriptionJSON(sc.TenantID, &sub))
	return nil
}

func (a *API) createResourceSubscription(w http.ResponseWriter, r *http.Request) error {
	var in client.NewResourceSubscription
	if err := readInto(w, r, "subscription", &in); err != nil {
		return err
	}
	sc := customerScope(r)
	var sub azure.Subscription
	var err error
	if sc.PartnerID != "" {
		sub, err = a.dir.ProvisionResourceSubscription(r.Context(), sc.PartnerID, sc.TenantID, in.DisplayName)
	} else {
		sub, err = a.dir.CreateResourceSubscription(r.Context(), sc.TenantID, in.DisplayName)
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, resourceSubscriptionJSON(sc.TenantID, &sub))
	return nil
}

func (a *API) listResourceRoleAssignments(w http.ResponseWriter, r *http.Request) error {
	as, err := a.dir.ListResourceRoleAssignments(r.Context(), customerScope(r), strings.ToLower(r.PathValue("id")))
	if err != nil {
		return err
	}
	out := make([]client.ResourceRoleAssignment, len(as))
	for i := range as {
		out[i] = resourceRoleAssignmentJSON(&as[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": out})
	return nil
}

func (a *API) createResourceRoleAssignment(w http.ResponseWriter, r *http.Request) error {
	var in client.NewResourceRoleAssignment
	if err := readInto(w, r, "roleAssignment", &in); err != nil {
		return err
	}
	ra, err := a.dir.AddResourceRoleAssignment(r.Context(), customerScope(r), strings.ToLower(r.PathValue("id")), directory.RoleAssignmentInput{
		RoleDefinitionID: in.Properties.RoleDefinitionID, PrincipalID: in.Properties.PrincipalID, PrincipalType: in.Properties.PrincipalType})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, resourceRoleAssignmentJSON(&ra))
	return nil
}

func (a *API) deleteResourceRoleAssignment(w http.ResponseWriter, r *http.Request) error {
	err := a.dir.RemoveResourceRoleAssignment(r.Context(), customerScope(r), strings.ToLower(r.PathValue("id")), r.PathValue("assignmentId"))
	if err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
