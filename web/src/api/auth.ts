/** Sign-in, sign-out and who is signed in. */
import { api } from './client.ts';
import type { Me } from './types.ts';

export const getMe = () => api.get<Me>('/api/v1/auth/me');
export const signIn = (body: { username: string; password: string }) => api.post<Me>('/api/v1/auth/sign-in', body);
export const signOut = () => api.post<unknown>('/api/v1/auth/sign-out');
