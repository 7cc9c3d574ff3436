import { Avatar, type AvatarProps } from '@fluentui/react-components';

/** UserAvatar is the user's 96-pixel photo, or their initials when they have none (the photo answers 404). */
export function UserAvatar({ id, name, size = 32 }: { id: string; name: string; size?: AvatarProps['size'] }) {
  return (
    <Avatar size={size} name={name} color="colorful" aria-hidden
      image={{ src: `/v1.0/users/${encodeURIComponent(id)}/photos/96x96/$value`, alt: '', loading: 'lazy' }} />
  );
}
