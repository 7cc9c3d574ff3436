package directory

import (
	"context"
	"time"

	"github.com/atriumhq/atrium/internal/authz"
)

// Photo is one stored size of a user's profile photo.
type Photo struct {
	Size        int // PhotoLarge or PhotoSmall; a small upload is stored at its own, smaller side
	ContentType string
	Data        []byte
	UpdatedAt   time.Time
}

// The stored photo sizes (users-and-passwords.md §12), and the largest
// upload Atrium takes.
const (
	PhotoLarge    = 648
	PhotoSmall    = 96
	MaxPhotoBytes = 4 << 20
)

// SetPhoto replaces the photo of userID with the uploaded JPEG or PNG,
// cropped to a centred square and stored at 648 and 96 pixels. As in seed
// 004, only the users themselves set their photo: an admin's upload for
// someone else is refused with that rule.
func (s *Service) SetPhoto(ctx context.Context, tenantID, userID string, data []byte) error {
	p, err := s.authorize(ctx, authz.OrgRead, tenantID)
	if err != nil {
		return err
	}
	if p.UserID == "" || p.UserID != userID {
		return Denied(&authz.Refusal{Rule: "photo", Message: "Only the user can set their own photo, in My account (an admin can't add photos on behalf of users)."})
	}
	photos, err := photoSizes(data)
	if err != nil {
		return err
	}
	now := s.Now()
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := tx.GetUser(userID)
		if err != nil {
			return err
		}
		for i := range photos {
			photos[i].UpdatedAt = now
		}
		if err := tx.PutPhotos(u.ID, photos); err != nil {
			return err
		}
		return s.audit(ctx, tx, p, "UserManagement", "Update user photo", "Update", userTarget(&u, nil))
	})
}

// DeletePhoto removes the caller's own photo.
func (s *Service) DeletePhoto(ctx context.Context, tenantID, userID string) error {
	p, err := s.authorize(ctx, authz.OrgRead, tenantID)
	if err != nil {
		return err
	}
	if p.UserID == "" || p.UserID != userID {
		return Denied(&authz.Refusal{Rule: "photo", Message: "Only the user can remove their own photo, in My account."})
	}
	return s.store.Update(ctx, tenantID, func(tx Tx) error {
		u, err := tx.GetUser(userID)
		if err != nil {
			return err
		}
		if found, err := tx.DeletePhotos(u.ID); err != nil {
			return err
		} else if !found {
			return &Error{Kind: KindNotFound, Message: "The user has no photo."}
		}
		return s.audit(ctx, tx, p, "UserManagement", "Delete user photo", "Delete", userTarget(&u, nil))
	})
}

// GetPhoto returns the photo of the user with the given id or user
// principal name at size (PhotoLarge or PhotoSmall); every member may see
// it, as in the directory.
func (s *Service) GetPhoto(ctx context.Context, tenantID, idOrUPN string, size int) (Photo, error) {
	var ph Photo
	if _, err := s.authorize(ctx, authz.OrgRead, tenantID); err != nil {
		return ph, err
	}
	if size != PhotoLarge && size != PhotoSmall {
		return ph, Invalid("size", "Photo sizes are %dx%d and %dx%d.", PhotoSmall, PhotoSmall, PhotoLarge, PhotoLarge)
	}
	err := s.store.View(ctx, tenantID, func(tx Tx) error {
		u, err := findUser(tx, idOrUPN)
		if err != nil {
			return err
		}
		ph, err = tx.GetPhoto(u.ID, size)
		return err
	})
	return ph, err
}
