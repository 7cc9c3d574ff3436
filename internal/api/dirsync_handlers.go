package api

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/atriumhq/atrium/client"
	"github.com/atriumhq/atrium/internal/directory"
)

func dirSyncJSON(tenantID string, d directory.DirSyncSettings) client.OnPremisesDirectorySynchronization {
	return client.OnPremisesDirectorySynchronization{ID: tenantID, Features: d.Features,
		Configuration: &client.OnPremisesSyncConfiguration{SynchronizationInterval: formatDuration(d.Interval()),
			AccidentalDeletionPrevention: &client.AccidentalDeletionPrevention{SynchronizationPreventionType: d.DeletionPrevention,
				AlertThreshold: d.DeletionThreshold}}}
}

func (a *API) listDirSync(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	tenant := tenantOf(r.Context())
	d, err := a.dir.DirSync(r.Context(), tenant)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, map[string]any{"@odata.context": a.odataContext("directory/onPremisesSynchronization"),
		"value": []any{dirSyncJSON(tenant, d)}})
	return nil
}

// ownTenant checks that the path's {id} is the caller's tenant, the id of
// the organization's one settings object.
func ownTenant(r *http.Request) (string, error) {
	tenant := tenantOf(r.Context())
	if !strings.EqualFold(r.PathValue("id"), tenant) {
		return "", directory.NotFound(r.PathValue("id"))
	}
	return tenant, nil
}

func (a *API) getDirSync(w http.ResponseWriter, r *http.Request) error {
	if err := noOptions(r); err != nil {
		return err
	}
	tenant, err := ownTenant(r)
	if err != nil {
		return err
	}
	d, err := a.dir.DirSync(r.Context(), tenant)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, a.entity("directory/onPremisesSynchronization/$entity", dirSyncJSON(tenant, d)))
	return nil
}

func (a *API) updateDirSync(w http.ResponseWriter, r *http.Request) error {
	tenant, err := ownTenant(r)
	if err != nil {
		return err
	}
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	c, err := decodeDirSync(m)
	if err != nil {
		return err
	}
	if err := a.dir.UpdateDirSync(r.Context(), tenant, c); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// object decodes raw as a JSON object, naming path when it is not one.
func object(path string, raw json.RawMessage) (map[string]json.RawMessage, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return nil, badRequest(path, "Property '%s' must be an object.", path)
	}
	return m, nil
}

// decodeDirSync reads a PATCH of the sync settings level by level, so
// that every refusal names the property's full path.
func decodeDirSync(m map[string]json.RawMessage) (directory.DirSyncChange, error) {
	var c directory.DirSyncChange
	for _, k := range sortedKeys(m) {
		switch k {
		case "id":
			return c, badRequest(k, "Property 'id' is read-only.")
		case "features":
			fs, err := object(k, m[k])
			if err != nil {
				return c, err
			}
			c.Features = map[string]bool{}
			for _, name := range sortedKeys(fs) {
				var on bool
				if err := json.Unmarshal(fs[name], &on); err != nil {
					return c, badRequest(k+"."+name, "Feature '%s' must be true or false.", name)
				}
				c.Features[name] = on
			}
		case "configuration":
			cfg, err := object(k, m[k])
			if err != nil {
				return c, err
			}
			if err := decodeSyncConfiguration(cfg, &c); err != nil {
				return c, err
			}
		default:
			return c, badRequest(k, "Property '%s' does not exist on onPremisesDirectorySynchronization or can't be set in Atrium.", k)
		}
	}
	return c, nil
}

func decodeSyncConfiguration(cfg map[string]json.RawMessage, c *directory.DirSyncChange) error {
	for _, k := range sortedKeys(cfg) {
		path := "configuration." + k
		switch k {
		case "synchronizationInterval":
			var s string
			_ = json.Unmarshal(cfg[k], &s)
			d, ok := parseDuration(s)
			if !ok {
				return badRequest(path, "Property '%s' must be an ISO 8601 duration such as PT30M.", path)
			}
			c.Interval = &d
		case "accidentalDeletionPrevention":
			adp, err := object(path, cfg[k])
			if err != nil {
				return err
			}
			for _, f := range sortedKeys(adp) {
				switch f {
				case "synchronizationPreventionType":
					var s string
					if err := json.Unmarshal(adp[f], &s); err != nil {
						return badRequest(path+"."+f, "Property '%s.%s' must be a string.", path, f)
					}
					c.DeletionPrevention = &s
				case "alertThreshold":
					var n int
					if err := json.Unmarshal(adp[f], &n); err != nil {
						return badRequest(path+"."+f, "Property '%s.%s' must be a whole number.", path, f)
					}
					c.DeletionThreshold = &n
				default:
					return badRequest(path+"."+f, "Property '%s' does not exist on accidentalDeletionPrevention.", f)
				}
			}
		default:
			return badRequest(path, "Property '%s' does not exist on the sync configuration or can't be set in Atrium.", path)
		}
	}
	return nil
}
