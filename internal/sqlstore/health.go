package sqlstore

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

const issueCols = "id, service, title, impact_description, classification, status, feature, is_resolved, start_at, end_at, updated_at, posts"

func (d *dtx) CreateHealthIssue(is *directory.HealthIssue) error {
	posts, err := json.Marshal(is.Posts)
	if err != nil {
		return err
	}
	_, err = d.exec("INSERT INTO health_issues ("+issueCols+") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
		is.ID, is.Service, is.Title, is.ImpactDescription, is.Classification, is.Status, is.Feature, is.IsResolved,
		micros(is.StartAt), micros(is.EndAt), micros(is.UpdatedAt), string(posts))
	if isUnique(err) {
		return directory.Conflict("id")
	}
	return err
}

func (d *dtx) UpdateHealthIssue(is *directory.HealthIssue) error {
	posts, err := json.Marshal(is.Posts)
	if err != nil {
		return err
	}
	return d.execOne(is.ID, `UPDATE health_issues SET title = $2, impact_description = $3, classification = $4, status = $5,
		feature = $6, is_resolved = $7, end_at = $8, updated_at = $9, posts = $10 WHERE id = $1`,
		is.ID, is.Title, is.ImpactDescription, is.Classification, is.Status, is.Feature, is.IsResolved,
		micros(is.EndAt), micros(is.UpdatedAt), string(posts))
}

func scanIssue(r scanner) (directory.HealthIssue, error) {
	var is directory.HealthIssue
	var start, end, updated int64
	var posts string
	if err := r.Scan(&is.ID, &is.Service, &is.Title, &is.ImpactDescription, &is.Classification, &is.Status, &is.Feature,
		&is.IsResolved, &start, &end, &updated, &posts); err != nil {
		return is, err
	}
	is.StartAt, is.EndAt, is.UpdatedAt = fromMicros(start), fromMicros(end), fromMicros(updated)
	return is, json.Unmarshal([]byte(posts), &is.Posts)
}

func (d *dtx) GetHealthIssue(id string) (directory.HealthIssue, error) {
	is, err := scanIssue(d.queryRow("SELECT "+issueCols+" FROM health_issues WHERE id = $1", id))
	return is, notFound(err, id)
}

func (d *dtx) ListHealthIssues(since time.Time) ([]directory.HealthIssue, error) {
	var out []directory.HealthIssue
	err := d.each("SELECT "+issueCols+" FROM health_issues WHERE NOT is_resolved OR updated_at >= $1 ORDER BY updated_at DESC, id",
		[]any{micros(since)}, func(r scanner) error {
			is, err := scanIssue(r)
			out = append(out, is)
			return err
		})
	return out, err
}

const messageCols = "id, title, category, severity, services, tags, is_major_change, start_at, end_at, act_by, updated_at, body"

func (d *dtx) CreateServiceMessage(m *directory.ServiceMessage) error {
	services, err := json.Marshal(m.Services)
	if err != nil {
		return err
	}
	tags, err := json.Marshal(m.Tags)
	if err != nil {
		return err
	}
	_, err = d.exec("INSERT INTO service_messages ("+messageCols+") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
		m.ID, m.Title, m.Category, m.Severity, string(services), string(tags), m.IsMajorChange,
		micros(m.StartAt), micros(m.EndAt), micros(m.ActBy), micros(m.UpdatedAt), m.Body)
	if isUnique(err) {
		return directory.Conflict("id")
	}
	return err
}

func scanServiceMessage(r scanner) (directory.ServiceMessage, error) {
	var m directory.ServiceMessage
	var services, tags string
	var start, end, actBy, updated int64
	if err := r.Scan(&m.ID, &m.Title, &m.Category, &m.Severity, &services, &tags, &m.IsMajorChange,
		&start, &end, &actBy, &updated, &m.Body); err != nil {
		return m, err
	}
	m.StartAt, m.EndAt, m.ActBy, m.UpdatedAt = fromMicros(start), fromMicros(end), fromMicros(actBy), fromMicros(updated)
	if err := json.Unmarshal([]byte(services), &m.Services); err != nil {
		return m, err
	}
	return m, json.Unmarshal([]byte(tags), &m.Tags)
}

func (d *dtx) GetServiceMessage(id string) (directory.ServiceMessage, error) {
	m, err := scanServiceMessage(d.queryRow("SELECT "+messageCols+" FROM service_messages WHERE id = $1", id))
	return m, notFound(err, id)
}

func (d *dtx) ListServiceMessages(now time.Time, limit int) ([]directory.ServiceMessage, error) {
	var out []directory.ServiceMessage
	err := d.each("SELECT "+messageCols+" FROM service_messages WHERE end_at = 0 OR end_at > $1 ORDER BY start_at DESC, id DESC LIMIT "+
		strconv.Itoa(limit), []any{micros(now)}, func(r scanner) error {
		m, err := scanServiceMessage(r)
		out = append(out, m)
		return err
	})
	return out, err
}

func (t *tx) MessageViews(userID string) (map[string]directory.MessageView, error) {
	out := map[string]directory.MessageView{}
	err := t.each("SELECT message_id, is_read, is_archived, is_favorited FROM message_views WHERE tenant_id = $1 AND user_id = $2",
		[]any{userID}, func(r scanner) error {
			var v directory.MessageView
			if err := r.Scan(&v.MessageID, &v.Read, &v.Archived, &v.Favorited); err != nil {
				return err
			}
			out[v.MessageID] = v
			return nil
		})
	return out, err
}

func (t *tx) PutMessageView(userID string, v *directory.MessageView) error {
	_, err := t.exec(`INSERT INTO message_views (tenant_id, user_id, message_id, is_read, is_archived, is_favorited) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (tenant_id, user_id, message_id) DO UPDATE SET is_read = excluded.is_read, is_archived = excluded.is_archived,
		is_favorited = excluded.is_favorited`, userID, v.MessageID, v.Read, v.Archived, v.Favorited)
	return err
}
