import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';

export const photoKey = ['me', 'photo'] as const;

/** usePhoto loads the user's own photo (GET /v1.0/me/photo/$value) as an object URL; null when there is none. */
export function usePhoto() {
  const q = useQuery({
    queryKey: photoKey,
    queryFn: async () => {
      const res = await fetch('/v1.0/me/photo/$value', { credentials: 'same-origin' });
      if (res.status === 404) return null;
      if (!res.ok) throw new ApiError(res.status, 'HttpError', res.statusText);
      return res.blob();
    },
    retry: false,
  });
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    if (!q.data) {
      setUrl(undefined);
      return;
    }
    const u = URL.createObjectURL(q.data);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [q.data]);
  return { url, query: q };
}
