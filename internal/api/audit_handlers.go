package api

import (
	"encoding/json"
	"net/http"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

var auditProperties = []string{"id", "category", "correlationId", "result", "resultReason", "activityDisplayName",
	"activityDateTime", "loggedByService", "operationType", "initiatedBy", "targetResources", "additionalDetails"}

// jsonString renders an audit value the way Graph does: as a JSON-encoded
// string inside the string.
func jsonString(s string) string {
	if s == "" {
		return ""
	}
	b, _ := json.Marshal(s)
	return string(b)
}

func auditJSON(e *directory.AuditEvent) client.DirectoryAudit {
	out := client.DirectoryAudit{ID: "Directory_" + e.ID, Category: e.Category, CorrelationID: e.CorrelationID, Result: e.Result,
		ResultReason: e.ResultReason, ActivityDisplayName: e.Activity, ActivityDateTime: e.At, LoggedByService: "Core Directory",
		OperationType: e.OperationType, TargetResources: []client.TargetResource{}, AdditionalDetails: []client.KeyValue{}}
	if i := e.Initiator; i.UserID != "" {
		out.InitiatedBy.User = &client.AuditUser{ID: i.UserID, DisplayName: i.DisplayName, UserPrincipalName: i.UPN, IPAddress: i.IPAddress}
	} else {
		out.InitiatedBy.App = &client.AuditApp{DisplayName: i.App}
	}
	if pa := e.Initiator.Partner; pa != nil {
		out.AdditionalDetails = append(out.AdditionalDetails, client.KeyValue{Key: "PartnerTenantId", Value: pa.TenantID},
			client.KeyValue{Key: "PartnerDisplayName", Value: pa.DisplayName}, client.KeyValue{Key: "DelegationType", Value: pa.Delegation})
		if pa.RelationshipID != "" {
			out.AdditionalDetails = append(out.AdditionalDetails, client.KeyValue{Key: "RelationshipId", Value: pa.RelationshipID})
		}
	}
	for _, t := range e.Targets {
		tr := client.TargetResource{ID: t.ID, DisplayName: t.DisplayName, Type: t.Type, UserPrincipalName: nullableStr(t.UserPrincipalName),
			ModifiedProperties: []client.ModifiedProperty{}}
		for _, m := range t.ModifiedProperties {
			tr.ModifiedProperties = append(tr.ModifiedProperties, client.ModifiedProperty{DisplayName: m.Name,
				OldValue: jsonString(m.Old), NewValue: jsonString(m.New)})
		}
		out.TargetResources = append(out.TargetResources, tr)
	}
	return out
}

func (a *API) listAudit(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	lp, err := a.parseList(ctx, r, auditRules)
	if err != nil {
		return err
	}
	if lp.q.Search != nil {
		return badRequest("$search", "$search is not supported on directoryAudits; use $filter.")
	}
	page, err := a.dir.ListAudit(ctx, tenantOf(ctx), lp.q)
	if err != nil {
		return err
	}
	items := make([]any, len(page.Items))
	for i := range page.Items {
		items[i] = selectFields(auditJSON(&page.Items[i]), lp.selected)
	}
	return a.writeCollection(w, r, a.odataContext("auditLogs/directoryAudits"), items, page.Next, lp.advanced, nil)
}

// selectFields keeps the selected top-level properties of a struct.
func selectFields(v any, selected []string) map[string]any {
	b, _ := json.Marshal(v)
	var all map[string]any
	_ = json.Unmarshal(b, &all)
	out := make(map[string]any, len(selected))
	for _, k := range selected {
		out[k] = all[k]
	}
	return out
}
