package api

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// provisionUserProps are the Graph user properties the add-user wizard
// sets (issue 6); the usage location has its own place in the request.
var provisionUserProps = map[string]bool{"displayName": true, "givenName": true, "surname": true,
	"userPrincipalName": true, "mailNickname": true, "accountEnabled": true, "jobTitle": true, "department": true,
	"officeLocation": true, "businessPhones": true, "mobilePhone": true, "faxNumber": true, "streetAddress": true,
	"city": true, "state": true, "postalCode": true, "country": true, "otherMails": true}

// provisionUser serves POST /api/users/provision: the whole add-user
// wizard in one call and one transaction. The temporary password or the
// set-password link is in this response only.
func (a *API) provisionUser(w http.ResponseWriter, r *http.Request) error {
	req, err := decodeProvision(w, r)
	if err != nil {
		return err
	}
	req.PublicURL = a.publicURL
	res, err := a.dir.ProvisionUser(r.Context(), tenantOf(r.Context()), req)
	if err != nil {
		return err
	}
	licenses := make([]map[string]any, len(res.Licenses))
	for i, l := range res.Licenses {
		licenses[i] = map[string]any{"skuId": l.SkuID, "disabledPlans": list(l.DisabledPlans)}
	}
	purchased := make([]map[string]any, len(res.Purchased))
	for i, p := range res.Purchased {
		purchased[i] = map[string]any{"skuId": p.SkuID, "quantity": p.Quantity}
	}
	user := userJSON(&res.User, userRules.defaults)
	user["@odata.context"] = a.odataContext("users/$entity")
	body := map[string]any{"user": user, "userPrincipalName": res.User.UserPrincipalName,
		"licenses": licenses, "roles": list(res.Roles), "purchased": purchased, "emailsQueued": res.EmailsQueued}
	if res.TemporaryPassword != "" {
		body["temporaryPassword"] = res.TemporaryPassword
	}
	if res.SetPasswordURL != "" {
		body["setPasswordUrl"] = res.SetPasswordURL
		body["setPasswordExpiresDateTime"] = res.SetPasswordExpiry.UTC().Format(time.RFC3339)
	}
	w.Header().Set("Location", a.publicURL+"/v1.0/users/"+res.User.ID)
	writeJSON(w, http.StatusCreated, body)
	return nil
}

// decodeProvision reads a provisioning request strictly: an unknown
// property anywhere is refused by its path. Unset choices take the
// wizard's defaults: a set-password link, and a forced change for a
// password.
func decodeProvision(w http.ResponseWriter, r *http.Request) (directory.NewAccount, error) {
	req := directory.NewAccount{Password: directory.PasswordChoice{Mode: directory.PasswordByLink, ForceChange: true}}
	m, err := readObject(w, r)
	if err != nil {
		return req, err
	}
	for _, name := range sortedKeys(m) {
		raw := m[name]
		switch name {
		case "user":
			req.User, err = decodeProvisionUser(raw)
		case "password":
			err = decodePasswordChoice(raw, &req.Password)
		case "usageLocation":
			err = decodePart(name, raw, &req.UsageLocation)
		case "licenses":
			var ls []struct {
				SkuID         string   `json:"skuId"`
				DisabledPlans []string `json:"disabledPlans"`
			}
			err = decodePart(name, raw, &ls)
			for _, l := range ls {
				req.Licenses = append(req.Licenses, directory.License{SkuID: l.SkuID, DisabledPlans: l.DisabledPlans})
			}
		case "autoPurchase":
			err = decodePart(name, raw, &req.AutoPurchase)
		case "roles":
			err = decodePart(name, raw, &req.Roles)
		case "delivery":
			var d struct {
				EmailTo []string `json:"emailTo"`
			}
			err = decodePart(name, raw, &d)
			req.EmailTo = d.EmailTo
		default:
			err = badRequest(name, "Property '%s' does not exist on a provisioning request.", name)
		}
		if err != nil {
			return req, err
		}
	}
	if req.User == nil {
		return req, badRequest("user", "Property 'user' is required.")
	}
	return req, nil
}

// decodeProvisionUser reads the user part: the wizard's Graph properties,
// each by its kind.
func decodeProvisionUser(raw json.RawMessage) (directory.Changes, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, badRequest("user", "Property 'user' must be a JSON object.")
	}
	c := directory.Changes{}
	for _, name := range sortedKeys(m) {
		prop, ok := directory.LookupUserProp(name)
		if !ok || !provisionUserProps[name] {
			return nil, badRequest("user."+name, "Property '%s' can't be set when adding a user here.", name)
		}
		v, err := decodeValue("user."+name, prop.Kind, m[name])
		if err != nil {
			return nil, err
		}
		c[name] = v
	}
	return c, nil
}

// decodePasswordChoice reads the password part; forceChangePasswordNextSignIn
// stays on unless it is given as false.
func decodePasswordChoice(raw json.RawMessage, pc *directory.PasswordChoice) error {
	var p struct {
		Mode        *string `json:"mode"`
		Value       string  `json:"value"`
		Confirm     string  `json:"confirm"`
		ForceChange *bool   `json:"forceChangePasswordNextSignIn"`
	}
	if err := decodePart("password", raw, &p); err != nil {
		return err
	}
	if p.Mode != nil {
		pc.Mode = *p.Mode
	}
	if p.ForceChange != nil {
		pc.ForceChange = *p.ForceChange
	}
	pc.Value, pc.Confirm = p.Value, p.Confirm
	return nil
}

// decodePart decodes one part of a request strictly; an unknown property
// is named by its path, such as "password.secret".
func decodePart(name string, raw json.RawMessage, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		msg := err.Error()
		if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
			f = strings.Trim(f, `"`)
			return badRequest(name+"."+f, "Property '%s' does not exist on '%s'.", f, name)
		}
		return badRequest(name, "Property '%s' has the wrong shape: %s.", name, strings.TrimPrefix(msg, "json: "))
	}
	return nil
}
