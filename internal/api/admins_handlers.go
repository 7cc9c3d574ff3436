package api

import (
	"net/http"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/api/odata"
	"github.com/atriumhq/atrium/internal/directory"
)

func (a *API) workloadRoles(w http.ResponseWriter, r *http.Request) error {
	roles, err := a.dir.WorkloadRoles(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, client.WorkloadRoles{Roles: roles})
	return nil
}

func (a *API) myAdmins(w http.ResponseWriter, r *http.Request) error {
	m, err := a.dir.MyAdmins(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	out := client.MyAdmins{Organization: m.Organization, GlobalAdmins: []client.AdminContact{}, TechnicalContacts: list(m.TechnicalContacts),
		Helpdesk: helpdeskJSON(m.Helpdesk)}
	for _, c := range m.GlobalAdmins {
		out.GlobalAdmins = append(out.GlobalAdmins, client.AdminContact{DisplayName: c.DisplayName, UserPrincipalName: c.UserPrincipalName,
			Mail: nullableStr(c.Mail), BusinessPhones: list(c.BusinessPhones)})
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (a *API) adminWarnings(w http.ResponseWriter, r *http.Request) error {
	ws, err := a.dir.AdminWarnings(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	out := client.Warnings{Warnings: make([]string, len(ws)), Items: make([]client.Warning, len(ws))}
	for i, aw := range ws {
		msg := aw.Message(pageLang(r))
		out.Warnings[i] = msg
		out.Items[i] = client.Warning{Code: aw.Code, UserPrincipalName: aw.UPN, Count: aw.Count, Message: msg}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func (a *API) bulkRoles(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	var req client.BulkRolesRequest
	if err := decodeStrict("body", mustJSON(m), &req); err != nil {
		return err
	}
	if req.Action != "assign" && req.Action != "revoke" {
		return badRequest("action", "Property 'action' must be assign or revoke.")
	}
	results, err := a.dir.BulkRoles(r.Context(), tenantOf(r.Context()), req.UserIDs, req.RoleDefinitionID, req.Action == "assign")
	if err != nil {
		return err
	}
	out := client.BulkRolesResponse{Results: make([]client.BulkRoleResult, len(results))}
	for i, res := range results {
		out.Results[i] = client.BulkRoleResult{UserID: res.UserID, Status: res.Status, Reason: res.Reason}
	}
	writeJSON(w, http.StatusOK, out)
	return nil
}

func viewJSON(v directory.UserView) client.UserView {
	c := v.Conditions
	out := client.UserView{ID: v.ID, Name: v.Name, Conditions: client.ViewConditions{Domain: c.Domain, SignInAllowed: c.SignInAllowed,
		UsageLocation: c.UsageLocation, Department: c.Department, City: c.City, State: c.State, Country: c.Country,
		JobTitle: c.JobTitle, SyncedOnly: c.SyncedOnly, RoleTemplateID: c.RoleTemplateID}}
	if f := (directory.ViewConditions{Domain: c.Domain, SignInAllowed: c.SignInAllowed, UsageLocation: c.UsageLocation, Department: c.Department,
		City: c.City, State: c.State, Country: c.Country, JobTitle: c.JobTitle, SyncedOnly: c.SyncedOnly}).Filter(); f != nil {
		out.Filter = odata.Format(f)
	}
	return out
}

func decodeView(w http.ResponseWriter, r *http.Request) (directory.UserView, error) {
	var in client.UserView
	m, err := readObject(w, r)
	if err != nil {
		return directory.UserView{}, err
	}
	delete(m, "id")
	delete(m, "filter")
	if err := decodeStrict("userView", mustJSON(m), &in); err != nil {
		return directory.UserView{}, err
	}
	c := in.Conditions
	return directory.UserView{Name: in.Name, Conditions: directory.ViewConditions{Domain: c.Domain, SignInAllowed: c.SignInAllowed,
		UsageLocation: c.UsageLocation, Department: c.Department, City: c.City, State: c.State, Country: c.Country,
		JobTitle: c.JobTitle, SyncedOnly: c.SyncedOnly, RoleTemplateID: c.RoleTemplateID}}, nil
}

func (a *API) listUserViews(w http.ResponseWriter, r *http.Request) error {
	views, err := a.dir.ListUserViews(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	items := make([]any, len(views))
	for i, v := range views {
		items[i] = viewJSON(v)
	}
	writeJSON(w, http.StatusOK, map[string]any{"value": items})
	return nil
}

func (a *API) getUserView(w http.ResponseWriter, r *http.Request) error {
	v, err := a.dir.GetUserView(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, viewJSON(v))
	return nil
}

func (a *API) createUserView(w http.ResponseWriter, r *http.Request) error {
	v, err := decodeView(w, r)
	if err != nil {
		return err
	}
	v, err = a.dir.CreateUserView(r.Context(), tenantOf(r.Context()), v)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, viewJSON(v))
	return nil
}

func (a *API) updateUserView(w http.ResponseWriter, r *http.Request) error {
	v, err := decodeView(w, r)
	if err != nil {
		return err
	}
	v.ID = r.PathValue("id")
	if err := a.dir.UpdateUserView(r.Context(), tenantOf(r.Context()), v); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) deleteUserView(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeleteUserView(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// listUserViewUsers lists the users a view selects, with the usual query
// options narrowing it further.
func (a *API) listUserViewUsers(w http.ResponseWriter, r *http.Request) error {
	ctx, tenant := r.Context(), tenantOf(r.Context())
	lp, err := a.parseList(ctx, r, userRules)
	if err != nil {
		return err
	}
	page, err := a.dir.ListViewUsers(ctx, tenant, r.PathValue("id"), lp.q)
	if err != nil {
		return err
	}
	items := make([]any, len(page.Items))
	for i := range page.Items {
		items[i] = userJSON(&page.Items[i], lp.selected)
	}
	return a.writeCollection(w, r, a.odataContext("users"), items, page.Next, lp.advanced, nil)
}

func helpdeskJSON(h directory.Helpdesk) client.Helpdesk {
	return client.Helpdesk{Phone: h.Phone, Email: h.Email, URL: h.URL, ShowAdminsToUsers: !h.HideAdmins}
}

func (a *API) getHelpdesk(w http.ResponseWriter, r *http.Request) error {
	h, err := a.dir.GetHelpdesk(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, helpdeskJSON(h))
	return nil
}

// updateHelpdesk changes the properties the body names and keeps the
// others.
func (a *API) updateHelpdesk(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	cur, err := a.dir.GetHelpdesk(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	in := helpdeskJSON(cur)
	if err := decodeStrict("helpdesk", mustJSON(m), &in); err != nil {
		return err
	}
	h := directory.Helpdesk{Phone: in.Phone, Email: in.Email, URL: in.URL, HideAdmins: !in.ShowAdminsToUsers}
	if err := a.dir.UpdateHelpdesk(r.Context(), tenantOf(r.Context()), h); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) bulkResetPasswords(w http.ResponseWriter, r *http.Request) error {
	var req struct {
		UserIDs []string `json:"userIds"`
		Force   *bool    `json:"forceChangePasswordNextSignIn"`
	}
	if err := readInto(w, r, "body", &req); err != nil {
		return err
	}
	results, err := a.dir.BulkResetPasswords(r.Context(), tenantOf(r.Context()), req.UserIDs, req.Force == nil || *req.Force)
	if err != nil {
		return err
	}
	out := make([]map[string]any, len(results))
	for i, res := range results {
		out[i] = map[string]any{"userId": res.UserID, "status": res.Status, "reason": res.Reason, "temporaryPassword": nullable(res.TemporaryPassword)}
	}
	writeJSON(w, http.StatusOK, map[string]any{"results": out})
	return nil
}
