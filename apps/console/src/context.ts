import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './api';

export interface District {
  id: string;
  code: string;
  name: string;
}

export interface Workspace {
  me: Me;
  districts: District[];
  district: District;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) {
    throw new Error('useWorkspace outside a signed-in page');
  }
  return workspace;
}
