package directory

import "time"

// Install is one activation of the Office-style apps on a device of a
// user (seed 004; users-and-passwords spec §13).
type Install struct {
	ID          string
	UserID      string
	Kind        string // pc, tablet or phone
	DeviceName  string
	ActivatedAt time.Time
}

// InstallLimit is how many devices of each kind a user may activate.
const InstallLimit = 5

// OfficeDesktopPlan is the service plan that entitles a user to install
// the apps; a replacement catalog keeps this name for it.
const OfficeDesktopPlan = "ATRIUM_OFFICE_DESKTOP"

// installKinds names each kind of device for messages.
var installKinds = map[string]string{"pc": "PCs or Macs", "tablet": "tablets", "phone": "phones"}

// Installs is a user's activations and whether their licenses let them
// activate more.
type Installs struct {
	Items    []Install
	Eligible bool
}
