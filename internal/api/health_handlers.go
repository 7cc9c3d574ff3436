package api

import (
	"encoding/json"
	"html"
	"net/http"
	"strings"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

// htmlBody renders the operator's text as Graph's html item body:
// paragraphs at blank lines, line breaks inside them, all text escaped.
func htmlBody(text string) client.ItemBody {
	var b strings.Builder
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(para), "\n", "<br>") + "</p>")
		}
	}
	return client.ItemBody{ContentType: "html", Content: b.String()}
}

// timeOrNil is nil for the zero time, for Graph's nullable dates.
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func overviewJSON(o directory.HealthOverview) client.HealthOverview {
	return client.HealthOverview{ID: o.Service.ID, Service: o.Service.Name, Status: o.Status}
}

func issueJSON(is *directory.HealthIssue) client.HealthIssue {
	hs, _ := directory.LookupHealthService(is.Service)
	out := client.HealthIssue{ID: is.ID, Title: is.Title, ImpactDescription: is.ImpactDescription, Classification: is.Classification,
		Status: is.Status, Service: hs.Name, Feature: nullableStr(is.Feature), IsResolved: is.IsResolved, StartDateTime: is.StartAt,
		EndDateTime: timeOrNil(is.EndAt), LastModifiedDateTime: is.UpdatedAt, Posts: []client.HealthIssuePost{}}
	for _, p := range is.Posts {
		out.Posts = append(out.Posts, client.HealthIssuePost{CreatedDateTime: p.At, PostType: p.Type, Description: htmlBody(p.Text)})
	}
	return out
}

func messageJSON(m *directory.UserMessage) client.ServiceMessage {
	return client.ServiceMessage{ID: m.ID, Title: m.Title, Category: m.Category, Severity: m.Severity, Tags: list(m.Tags),
		IsMajorChange: m.IsMajorChange, Services: list(m.Services), StartDateTime: m.StartAt, EndDateTime: timeOrNil(m.EndAt),
		ActionRequiredByDateTime: timeOrNil(m.ActBy), LastModifiedDateTime: m.UpdatedAt, Body: htmlBody(m.Body),
		ViewPoint: client.MessageViewPoint{IsRead: m.View.Read, IsArchived: m.View.Archived, IsFavorited: m.View.Favorited}}
}

// entity returns a wire object as a JSON object with its @odata.context.
func (a *API) entity(context string, v any) map[string]any {
	b, _ := json.Marshal(v)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	m["@odata.context"] = a.odataContext(context)
	return m
}

const announcement = "admin/serviceAnnouncement/"

func (a *API) listHealthOverviews(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	ovs, err := a.dir.HealthOverviews(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	items := make([]any, len(ovs))
	for i, o := range ovs {
		items[i] = overviewJSON(o)
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext(announcement + "healthOverviews"), "value": items})
	return nil
}

// getHealthOverview serves one service, named by id or, as Graph's
// examples do, by name.
func (a *API) getHealthOverview(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	hs, known := directory.LookupHealthService(r.PathValue("id"))
	ovs, err := a.dir.HealthOverviews(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	for _, o := range ovs {
		if known && o.Service.ID == hs.ID {
			writeJSON(w, http.StatusOK, a.entity(announcement+"healthOverviews/$entity", overviewJSON(o)))
			return nil
		}
	}
	return directory.NotFound(r.PathValue("id"))
}

func (a *API) listHealthIssues(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	issues, err := a.dir.HealthIssues(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	items := make([]any, len(issues))
	for i := range issues {
		items[i] = issueJSON(&issues[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext(announcement + "issues"), "value": items})
	return nil
}

func (a *API) getHealthIssue(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	is, err := a.dir.HealthIssue(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a.entity(announcement+"issues/$entity", issueJSON(&is)))
	return nil
}

func (a *API) listServiceMessages(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	msgs, err := a.dir.ServiceMessages(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	items := make([]any, len(msgs))
	for i := range msgs {
		items[i] = messageJSON(&msgs[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext(announcement + "messages"), "value": items})
	return nil
}

func (a *API) getServiceMessage(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	m, err := a.dir.ServiceMessage(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a.entity(announcement+"messages/$entity", messageJSON(&m)))
	return nil
}

// markMessages serves the message actions (markRead, archive, …) on the
// caller's own state of the messages; Graph answers true.
func (a *API) markMessages(action string) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		var in struct {
			MessageIDs []string `json:"messageIds"`
		}
		if err := readInto(w, r, "messageIds", &in); err != nil {
			return err
		}
		if err := a.dir.MarkMessages(r.Context(), tenantOf(r.Context()), action, in.MessageIDs); err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("Edm.Boolean"), "value": true})
		return nil
	}
}
