package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

// myOrg is the only sign-in audience: apps registered in a tenant sign in
// that tenant's people.
const myOrg = "AzureADMyOrg"

func secretJSON(s *directory.AppSecret, value *string) client.PasswordCredential {
	start, end := s.StartAt.UTC(), s.EndAt.UTC()
	return client.PasswordCredential{KeyID: s.KeyID, DisplayName: s.DisplayName, Hint: s.Hint, SecretText: value,
		StartDateTime: &start, EndDateTime: &end}
}

func applicationJSON(a *directory.Application) client.Application {
	created := a.CreatedAt.UTC()
	public := a.Spec.IsFallbackPublicClient
	uris := func(l []string) *client.RedirectURIs {
		if l == nil {
			l = []string{}
		}
		return &client.RedirectURIs{RedirectURIs: l}
	}
	creds := make([]client.PasswordCredential, len(a.Secrets))
	for i := range a.Secrets {
		creds[i] = secretJSON(&a.Secrets[i], nil)
	}
	return client.Application{ID: a.ID, AppID: a.AppID, DisplayName: a.DisplayName, CreatedDateTime: &created,
		SignInAudience: myOrg, IsFallbackPublicClient: &public, Web: uris(a.Spec.WebRedirectURIs),
		SPA: uris(a.Spec.SPARedirectURIs), PublicClient: uris(a.Spec.PublicRedirectURIs), PasswordCredentials: creds,
		AppPermissions: a.Spec.AppPermissions}
}

// decodeApplication reads an application body: the writable properties,
// each checked for its shape; the rules on values are the domain's.
func decodeApplication(w http.ResponseWriter, r *http.Request) (directory.AppInput, error) {
	var in directory.AppInput
	m, err := readObject(w, r)
	if err != nil {
		return in, err
	}
	for _, k := range sortedKeys(m) {
		raw := m[k]
		switch k {
		case "displayName":
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return in, badRequest(k, "Property 'displayName' must be a string.")
			}
			in.DisplayName = &s
		case "isFallbackPublicClient":
			var b bool
			if err := json.Unmarshal(raw, &b); err != nil {
				return in, badRequest(k, "Property 'isFallbackPublicClient' must be true or false.")
			}
			in.IsFallbackPublicClient = &b
		case "web", "spa", "publicClient":
			var p client.RedirectURIs
			if !bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
				if err := decodeStrict(k, raw, &p); err != nil {
					return in, err
				}
			}
			l := p.RedirectURIs
			switch k {
			case "web":
				in.WebRedirectURIs = &l
			case "spa":
				in.SPARedirectURIs = &l
			default:
				in.PublicRedirectURIs = &l
			}
		case "appPermissions":
			var l []string
			if err := json.Unmarshal(raw, &l); err != nil {
				return in, badRequest(k, "Property 'appPermissions' must be an array of permission names, such as [\"User.Read.All\"].")
			}
			in.AppPermissions = &l
		case "signInAudience":
			var s string
			if err := json.Unmarshal(raw, &s); err != nil || s != myOrg {
				return in, badRequest(k, "Only signInAudience '%s' is supported: an app signs in the people of its own organization.", myOrg)
			}
		case "id", "appId", "createdDateTime":
			return in, badRequest(k, "Property '%s' is read-only.", k)
		case "passwordCredentials":
			return in, badRequest(k, "Client secrets are added with addPassword and removed with removePassword.")
		default:
			return in, badRequest(k, "Property '%s' does not exist on application or can't be set in Atrium.", k)
		}
	}
	return in, nil
}

func (a *API) writeApplication(w http.ResponseWriter, status int, app *directory.Application) error {
	body := struct {
		Context string `json:"@odata.context"`
		client.Application
	}{a.odataContext("applications/$entity"), applicationJSON(app)}
	writeJSON(w, status, body)
	return nil
}

func (a *API) listApplications(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	apps, err := a.dir.ListApplications(r.Context(), tenantOf(r.Context()))
	if err != nil {
		return err
	}
	items := make([]any, len(apps))
	for i := range apps {
		items[i] = applicationJSON(&apps[i])
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("applications"), "value": items})
	return nil
}

func (a *API) getApplication(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	app, err := a.dir.GetApplication(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	return a.writeApplication(w, http.StatusOK, &app)
}

func (a *API) createApplication(w http.ResponseWriter, r *http.Request) error {
	in, err := decodeApplication(w, r)
	if err != nil {
		return err
	}
	app, err := a.dir.CreateApplication(r.Context(), tenantOf(r.Context()), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", a.publicURL+"/v1.0/applications/"+app.ID)
	return a.writeApplication(w, http.StatusCreated, &app)
}

func (a *API) updateApplication(w http.ResponseWriter, r *http.Request) error {
	in, err := decodeApplication(w, r)
	if err != nil {
		return err
	}
	if _, err := a.dir.UpdateApplication(r.Context(), tenantOf(r.Context()), r.PathValue("id"), in); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) deleteApplication(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeleteApplication(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) addApplicationPassword(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	var in struct {
		PasswordCredential *struct {
			DisplayName   string     `json:"displayName"`
			EndDateTime   *time.Time `json:"endDateTime"`
			SecretText    *string    `json:"secretText"`
			KeyID         *string    `json:"keyId"`
			Hint          *string    `json:"hint"`
			StartDateTime *time.Time `json:"startDateTime"`
		} `json:"passwordCredential"`
	}
	if err := decodeStrict("passwordCredential", mustJSON(m), &in); err != nil {
		return err
	}
	pc := in.PasswordCredential
	if pc == nil {
		return badRequest("passwordCredential", "Property 'passwordCredential' is required; send {\"passwordCredential\": {\"displayName\": \"...\"}}.")
	}
	if pc.SecretText != nil {
		return badRequest("passwordCredential.secretText", "Atrium generates the secret; leave secretText out.")
	}
	var end time.Time
	if pc.EndDateTime != nil {
		end = *pc.EndDateTime
	}
	sec, value, err := a.dir.AddAppSecret(r.Context(), tenantOf(r.Context()), r.PathValue("id"), pc.DisplayName, end)
	if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	body := struct {
		Context string `json:"@odata.context"`
		client.PasswordCredential
	}{a.odataContext("microsoft.graph.passwordCredential"), secretJSON(&sec, &value)}
	writeJSON(w, http.StatusOK, body)
	return nil
}

func (a *API) removeApplicationPassword(w http.ResponseWriter, r *http.Request) error {
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	var in struct {
		KeyID string `json:"keyId"`
	}
	if err := decodeStrict("keyId", mustJSON(m), &in); err != nil {
		return err
	}
	if in.KeyID == "" {
		return badRequest("keyId", "Property 'keyId' (the secret to remove) is required.")
	}
	if err := a.dir.RemoveAppSecret(r.Context(), tenantOf(r.Context()), r.PathValue("id"), in.KeyID); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
