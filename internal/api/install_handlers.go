package api

import (
	"encoding/json"
	"net/http"

	"github.com/atriumhq/atrium/internal/directory"
)

// installsJSON renders a user's app activations with the limit per kind.
func installsJSON(in directory.Installs) map[string]any {
	items := make([]map[string]any, len(in.Items))
	for i := range in.Items {
		items[i] = installJSON(&in.Items[i])
	}
	lim := directory.InstallLimit
	return map[string]any{"value": items, "eligible": in.Eligible, "limits": map[string]int{"pc": lim, "tablet": lim, "phone": lim}}
}

func installJSON(in *directory.Install) map[string]any {
	return map[string]any{"id": in.ID, "deviceName": in.DeviceName, "kind": in.Kind, "activatedDateTime": timeOrNull(in.ActivatedAt)}
}

func (a *API) listMyInstalls(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	in, err := a.dir.MyInstalls(ctx, tenantOf(ctx))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, installsJSON(in))
	return nil
}

func (a *API) listUserInstalls(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	in, err := a.dir.UserInstalls(ctx, tenantOf(ctx), r.PathValue("id"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, installsJSON(in))
	return nil
}

func (a *API) activateInstall(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	m, err := readObject(w, r)
	if err != nil {
		return err
	}
	if err := onlyFields(m, "deviceName", "kind"); err != nil {
		return err
	}
	var name, kind string
	for _, f := range []struct {
		name string
		v    *string
	}{{"deviceName", &name}, {"kind", &kind}} {
		field, v := f.name, f.v
		if _, ok := m[field]; !ok {
			return badRequest(field, "Property '%s' is required.", field)
		}
		if err := json.Unmarshal(m[field], v); err != nil {
			return badRequest(field, "Property '%s' must be a string.", field)
		}
	}
	in, err := a.dir.ActivateInstall(ctx, tenantOf(ctx), name, kind)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, installJSON(&in))
	return nil
}

func (a *API) deactivateInstall(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	if err := a.dir.DeactivateInstall(ctx, tenantOf(ctx), r.PathValue("id")); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
