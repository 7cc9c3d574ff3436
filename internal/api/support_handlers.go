package api

import (
	"encoding/json"
	"net/http"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

var supportProperties = []string{"id", "title", "description", "service", "severity", "contactName", "contactPhone",
	"contactEmail", "preferredContactMethod", "status", "createdBy", "createdDateTime", "lastModifiedDateTime"}

// supportRules: lists filter on the choice fields, newest first by
// default.
var supportRules = &rules{
	typeName: "supportRequest", resource: "supportRequest", noAdvanced: true,
	filter:     map[string]propRule{"status": {def: opEq | opNe}, "severity": {def: opEq | opNe}, "service": {def: opEq | opNe}},
	order:      map[string]bool{"createdDateTime": false},
	selectable: supportProperties,
	defaults:   supportProperties,
}

func supportAuthor(id, upn string) *client.SupportAuthor {
	return &client.SupportAuthor{ID: id, UserPrincipalName: upn}
}

func supportMessageJSON(m *directory.SupportMessage) client.SupportMessage {
	out := client.SupportMessage{ID: m.N, From: "customer", Author: supportAuthor(m.AuthorID, m.AuthorName), Text: m.Text, CreatedDateTime: m.At}
	if m.FromSupport {
		out.From, out.Author = "support", &client.SupportAuthor{DisplayName: m.AuthorName}
	}
	return out
}

func supportJSON(r *directory.SupportRequest) client.SupportRequest {
	created, updated := r.CreatedAt, r.UpdatedAt
	out := client.SupportRequest{ID: r.ID, Title: r.Title, Description: r.Description, Service: r.Service, Severity: r.Severity,
		ContactName: r.ContactName, ContactPhone: r.ContactPhone, ContactEmail: r.ContactEmail, PreferredContactMethod: r.ContactMethod,
		Status: r.Status, CreatedBy: supportAuthor(r.CreatedByID, r.CreatedByUPN), CreatedDateTime: &created, LastModifiedDateTime: &updated}
	if r.PartnerTenantID != "" {
		out.OnBehalfOfPartner = &client.Partner{TenantID: r.PartnerTenantID, DisplayName: r.PartnerName}
	}
	for i := range r.Messages {
		out.Messages = append(out.Messages, supportMessageJSON(&r.Messages[i]))
	}
	return out
}

// decodeSupportRequest reads a new request: every writable field is a
// string; read-only and unknown fields are refused by name.
func decodeSupportRequest(w http.ResponseWriter, r *http.Request) (directory.SupportInput, error) {
	var in directory.SupportInput
	m, err := readObject(w, r)
	if err != nil {
		return in, err
	}
	fields := map[string]*string{"title": &in.Title, "description": &in.Description, "service": &in.Service, "severity": &in.Severity,
		"contactName": &in.ContactName, "contactPhone": &in.ContactPhone, "contactEmail": &in.ContactEmail,
		"preferredContactMethod": &in.ContactMethod}
	for _, k := range sortedKeys(m) {
		dst, ok := fields[k]
		switch {
		case ok:
			if err := json.Unmarshal(m[k], dst); err != nil {
				return in, badRequest(k, "Property '%s' must be a string.", k)
			}
		case k == "attachments":
			return in, badRequest(k, "Attachments are not supported yet; describe the problem in the description or a message.")
		case k == "id" || k == "status" || k == "createdBy" || k == "createdDateTime" || k == "lastModifiedDateTime" || k == "messages":
			return in, badRequest(k, "Property '%s' is read-only.", k)
		default:
			return in, badRequest(k, "Property '%s' does not exist on a service request.", k)
		}
	}
	return in, nil
}

func (a *API) listSupportRequests(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	lp, err := a.parseList(ctx, r, supportRules)
	if err != nil {
		return err
	}
	page, err := a.dir.ListSupportRequests(ctx, tenantOf(ctx), lp.q)
	if err != nil {
		return err
	}
	items := make([]any, len(page.Items))
	for i := range page.Items {
		items[i] = selectFields(supportJSON(&page.Items[i]), lp.selected)
	}
	return a.writeCollection(w, r, "", items, page.Next, lp.advanced, nil)
}

func (a *API) getSupportRequest(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	sr, err := a.dir.GetSupportRequest(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, supportJSON(&sr))
	return nil
}

func (a *API) createSupportRequest(w http.ResponseWriter, r *http.Request) error {
	in, err := decodeSupportRequest(w, r)
	if err != nil {
		return err
	}
	sr, err := a.dir.CreateSupportRequest(r.Context(), tenantOf(r.Context()), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", a.publicURL+"/api/support/requests/"+sr.ID)
	writeJSON(w, http.StatusCreated, supportJSON(&sr))
	return nil
}

func (a *API) addSupportMessage(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Text string `json:"text"`
	}
	if err := readInto(w, r, "text", &in); err != nil {
		return err
	}
	m, err := a.dir.AddSupportMessage(r.Context(), tenantOf(r.Context()), r.PathValue("id"), in.Text)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, supportMessageJSON(&m))
	return nil
}

func (a *API) closeSupportRequest(w http.ResponseWriter, r *http.Request) error {
	sr, err := a.dir.CloseSupportRequest(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, supportJSON(&sr))
	return nil
}
