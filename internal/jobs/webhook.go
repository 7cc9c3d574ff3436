package jobs

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// Webhook is a connector that POSTs each provisioning task as a JSON event
// to a URL, signed with HMAC-SHA256 so the receiver can tell it came from
// this deployment: header Atrium-Signature is "t=<unix seconds>,v1=<hex of
// HMAC(secret, t + "." + body)>". Any 2xx answer means done.
type Webhook struct {
	URL    string
	Secret []byte
	Client *http.Client // http.DefaultClient when nil
	Now    func() time.Time
}

// WebhookEvent is the body of a webhook call.
type WebhookEvent struct {
	ID         string      `json:"id"`
	Type       string      `json:"type"` // servicePlan.provision or servicePlan.deprovision
	Attempt    int         `json:"attempt"`
	TenantID   string      `json:"tenantId"`
	User       WebhookUser `json:"user"`
	Plan       WebhookPlan `json:"servicePlan"`
	OccurredAt time.Time   `json:"occurredDateTime"`
}

// WebhookUser is the user of a webhook event.
type WebhookUser struct {
	ID                string `json:"id"`
	UserPrincipalName string `json:"userPrincipalName"`
	DisplayName       string `json:"displayName"`
	UsageLocation     string `json:"usageLocation"`
}

// WebhookPlan is the service plan of a webhook event.
type WebhookPlan struct {
	ID       string `json:"servicePlanId"`
	Name     string `json:"servicePlanName"`
	Workload string `json:"workload"`
}

// Deliver POSTs the signed event and fails unless the answer is 2xx.
func (w Webhook) Deliver(ctx context.Context, t directory.ProvisioningTask) error {
	now := time.Now
	if w.Now != nil {
		now = w.Now
	}
	ev := WebhookEvent{ID: t.TenantID + "/" + t.UserID + "/" + t.PlanID + "/" + strconv.FormatInt(t.UpdatedAt.UnixMicro(), 10),
		Type: "servicePlan.deprovision", Attempt: t.Attempts + 1, TenantID: t.TenantID,
		User: WebhookUser{ID: t.UserID, UserPrincipalName: t.UserPrincipalName, DisplayName: t.DisplayName, UsageLocation: t.UsageLocation},
		Plan: WebhookPlan{ID: t.PlanID, Name: t.PlanName, Workload: t.Workload}, OccurredAt: t.UpdatedAt}
	if t.Wanted {
		ev.Type = "servicePlan.provision"
	}
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Atrium-Event-Id", ev.ID)
	req.Header.Set("Atrium-Signature", Sign(w.Secret, now(), body))
	client := w.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		// The error is shown to the tenant's admins: keep the operator's
		// URL out of it.
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("webhook unreachable: %w", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("webhook answered %s", resp.Status)
	}
	return nil
}

// Sign returns the Atrium-Signature header value of body sent at t.
func Sign(secret []byte, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(ts + "."))
	mac.Write(body)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac.Sum(nil))
}
