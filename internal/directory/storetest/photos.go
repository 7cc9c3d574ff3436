package storetest

import (
	"bytes"
	"testing"
	"time"

	"github.com/atriumhq/atrium/internal/directory"
)

// testPhotos checks that photos round-trip per size, stay in their tenant,
// are replaced as a whole, and that purging a user removes the photo and
// the second factor with it.
func testPhotos(t *testing.T, s directory.Store) {
	f, other := newTenant(t, s), newTenant(t, s)
	u := f.addUser("pic", "Pic Ture")
	at := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	large := directory.Photo{Size: directory.PhotoLarge, ContentType: "image/jpeg", Data: []byte{0xFF, 0xD8, 0xFF, 1, 2, 0}, UpdatedAt: at}
	small := directory.Photo{Size: directory.PhotoSmall, ContentType: "image/jpeg", Data: []byte{0xFF, 0xD8, 0xFF, 9}, UpdatedAt: at}
	f.mustUpdate(func(tx directory.Tx) error { return tx.PutPhotos(u.ID, []directory.Photo{large, small}) })
	f.view(func(tx directory.Tx) error {
		got, err := tx.GetPhoto(u.ID, directory.PhotoLarge)
		if err != nil || !bytes.Equal(got.Data, large.Data) || got.ContentType != "image/jpeg" || !got.UpdatedAt.Equal(at) {
			t.Errorf("GetPhoto(large) = %+v, %v", got, err)
		}
		return nil
	})
	other.view(func(tx directory.Tx) error {
		_, err := tx.GetPhoto(u.ID, directory.PhotoLarge)
		wantKind(t, "GetPhoto from another tenant", err, directory.KindNotFound)
		return nil
	})
	// Replacing keeps only the new set.
	f.mustUpdate(func(tx directory.Tx) error { return tx.PutPhotos(u.ID, []directory.Photo{large}) })
	f.view(func(tx directory.Tx) error {
		_, err := tx.GetPhoto(u.ID, directory.PhotoSmall)
		wantKind(t, "GetPhoto(small) after a replace without it", err, directory.KindNotFound)
		return nil
	})
	f.mustUpdate(func(tx directory.Tx) error {
		return tx.PutTOTP(&directory.TOTP{UserID: u.ID, Secret: "JBSWY3DPEHPK3PXP", Confirmed: true, CreatedAt: at})
	})
	f.mustUpdate(func(tx directory.Tx) error { return tx.DeleteUser(u.ID, at) })
	f.mustUpdate(func(tx directory.Tx) error { return tx.PurgeUser(u.ID) })
	f.view(func(tx directory.Tx) error {
		_, err := tx.GetPhoto(u.ID, directory.PhotoLarge)
		wantKind(t, "GetPhoto after purge", err, directory.KindNotFound)
		_, err = tx.GetTOTP(u.ID)
		wantKind(t, "GetTOTP after purge", err, directory.KindNotFound)
		return nil
	})
	f.mustUpdate(func(tx directory.Tx) error {
		found, err := tx.DeletePhotos(u.ID)
		if found {
			t.Error("DeletePhotos found a purged user's photo")
		}
		return err
	})
}
