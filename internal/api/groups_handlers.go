package api

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/internal/directory"
)

func (a *API) listGroups(w http.ResponseWriter, r *http.Request) error {
	ctx, tenant := r.Context(), tenantOf(r.Context())
	lp, err := a.parseList(ctx, r, groupRules)
	if err != nil {
		return err
	}
	page, err := a.dir.ListGroups(ctx, tenant, lp.q)
	if err != nil {
		return err
	}
	items := make([]any, len(page.Items))
	for i := range page.Items {
		items[i] = groupJSON(&page.Items[i], lp.selected)
	}
	var count func() (int, error)
	if lp.count {
		count = func() (int, error) { return a.dir.CountGroups(ctx, tenant, lp.q) }
	}
	return a.writeCollection(w, r, a.odataContext("groups"), items, page.Next, lp.advanced, count)
}

func (a *API) getGroup(w http.ResponseWriter, r *http.Request) error {
	selected, err := a.parseEntity(r, groupRules)
	if err != nil {
		return err
	}
	g, err := a.dir.GetGroup(r.Context(), tenantOf(r.Context()), r.PathValue("id"))
	if err != nil {
		return err
	}
	return a.writeGroup(w, http.StatusOK, &g, selected)
}

func (a *API) writeGroup(w http.ResponseWriter, status int, g *directory.Group, selected []string) error {
	body := groupJSON(g, selected)
	body["@odata.context"] = a.odataContext("groups/$entity")
	writeJSON(w, status, body)
	return nil
}

func (a *API) createGroup(w http.ResponseWriter, r *http.Request) error {
	in, err := decodeGroup(w, r, true)
	if err != nil {
		return err
	}
	g, err := a.dir.CreateGroup(r.Context(), tenantOf(r.Context()), in)
	if err != nil {
		return err
	}
	w.Header().Set("Location", a.publicURL+"/v1.0/groups/"+g.ID)
	return a.writeGroup(w, http.StatusCreated, &g, groupRules.defaults)
}

func (a *API) updateGroup(w http.ResponseWriter, r *http.Request) error {
	in, err := decodeGroup(w, r, false)
	if err != nil {
		return err
	}
	if err := a.dir.UpdateGroup(r.Context(), tenantOf(r.Context()), r.PathValue("id"), in); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) deleteGroup(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.DeleteGroup(r.Context(), tenantOf(r.Context()), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// decodeGroup reads a group create or PATCH body.
func decodeGroup(w http.ResponseWriter, r *http.Request, create bool) (directory.GroupInput, error) {
	var in directory.GroupInput
	m, err := readObject(w, r)
	if err != nil {
		return in, err
	}
	strs := map[string]**string{"displayName": &in.DisplayName, "description": &in.Description,
		"mailNickname": &in.MailNickname, "visibility": &in.Visibility}
	bools := map[string]**bool{"mailEnabled": &in.MailEnabled, "securityEnabled": &in.SecurityEnabled}
	for _, name := range sortedKeys(m) {
		raw := m[name]
		switch {
		case strs[name] != nil:
			v, err := decodeValue(name, directory.PropString, raw)
			if err != nil {
				return in, err
			}
			s, _ := v.(string)
			*strs[name] = &s
		case bools[name] != nil:
			v, err := decodeValue(name, directory.PropBool, raw)
			if err != nil {
				return in, err
			}
			b := v.(bool)
			*bools[name] = &b
		case name == "groupTypes":
			v, err := decodeValue(name, directory.PropStringList, raw)
			if err != nil {
				return in, err
			}
			l, _ := v.([]string)
			in.GroupTypes = &l
		case create && (name == "members@odata.bind" || name == "owners@odata.bind"):
			var refs []string
			if err := json.Unmarshal(raw, &refs); err != nil {
				return in, badRequest(name, "Property '%s' must be an array of directoryObjects URLs.", name)
			}
			ids := make([]string, len(refs))
			for i, ref := range refs {
				if ids[i], err = refID(name, ref); err != nil {
					return in, err
				}
			}
			if name == "members@odata.bind" {
				in.Members = ids
			} else {
				in.Owners = ids
			}
		case groupFields[name] != nil:
			return in, badRequest(name, "Property '%s' is read-only and can't be set.", name)
		default:
			return in, badRequest(name, "Property '%s' does not exist on type 'microsoft.graph.group'.", name)
		}
	}
	return in, nil
}

// refID takes the object id from the end of a directoryObjects URL, such as
// https://graph.microsoft.com/v1.0/directoryObjects/{id}; only the trailing
// id matters.
func refID(field, ref string) (string, error) {
	ref = strings.TrimSuffix(strings.TrimSpace(ref), "/")
	i := strings.LastIndexByte(ref, '/')
	if i < 0 || !strings.Contains(ref[:i], "directoryObjects") && !strings.Contains(ref[:i], "/users") && !strings.Contains(ref[:i], "/groups") {
		return "", badRequest(field, "'%s' is not a directoryObjects URL like https://graph.microsoft.com/v1.0/directoryObjects/{id}.", ref)
	}
	return ref[i+1:], nil
}

// readRef reads a {"@odata.id": "..."} body.
func readRef(w http.ResponseWriter, r *http.Request) (string, error) {
	m, err := readObject(w, r)
	if err != nil {
		return "", err
	}
	for _, k := range sortedKeys(m) {
		if k != "@odata.id" {
			return "", badRequest(k, "Property '%s' is not allowed in a reference; send only @odata.id.", k)
		}
	}
	var ref string
	if err := json.Unmarshal(m["@odata.id"], &ref); err != nil || ref == "" {
		return "", badRequest("@odata.id", "Property '@odata.id' with a directoryObjects URL is required.")
	}
	return refID("@odata.id", ref)
}

func (a *API) addMember(w http.ResponseWriter, r *http.Request) error {
	id, err := readRef(w, r)
	if err != nil {
		return err
	}
	if err := a.dir.AddMember(r.Context(), tenantOf(r.Context()), r.PathValue("id"), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) removeMember(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.RemoveMember(r.Context(), tenantOf(r.Context()), r.PathValue("id"), r.PathValue("member")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) addOwner(w http.ResponseWriter, r *http.Request) error {
	id, err := readRef(w, r)
	if err != nil {
		return err
	}
	if err := a.dir.AddOwner(r.Context(), tenantOf(r.Context()), r.PathValue("id"), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (a *API) removeOwner(w http.ResponseWriter, r *http.Request) error {
	if err := a.dir.RemoveOwner(r.Context(), tenantOf(r.Context()), r.PathValue("id"), r.PathValue("owner")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// relationRules pages relationships with $top only.
var relationRules = &rules{typeName: "directoryObject", resource: "directoryObject", noAdvanced: true,
	selectable: []string{}, defaults: []string{}}

func (a *API) listRelated(rel directory.Relation) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		ctx := r.Context()
		lp, err := a.parseList(ctx, r, relationRules)
		if err != nil {
			return err
		}
		if lp.q.Filter != nil || lp.q.Search != nil || len(lp.q.OrderBy) > 0 {
			return badRequest("$filter", "Relationship lists support $top and paging only.")
		}
		page, err := a.dir.ListRelated(ctx, tenantOf(ctx), r.PathValue("id"), rel, lp.q)
		if err != nil {
			return err
		}
		items := make([]any, len(page.Items))
		for i, o := range page.Items {
			items[i] = objectJSON(o)
		}
		return a.writeCollection(w, r, a.odataContext("directoryObjects"), items, page.Next, false, nil)
	}
}
