import { graphql } from '../gql';
import type { OrganizationKind, PlatformRole, WorkspaceRole } from '../gql/graphql';

export const ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  'LAW_ENFORCEMENT',
  'INTERNATIONAL_BODY',
  'VENDOR',
  'ACADEMIA',
  'CERT',
  'INFRASTRUCTURE_OPERATOR',
];

export const ORGANIZATION_KIND_LABELS: Readonly<Record<OrganizationKind, string>> = {
  LAW_ENFORCEMENT: 'Law enforcement',
  INTERNATIONAL_BODY: 'International body',
  VENDOR: 'Security vendor',
  ACADEMIA: 'Academia',
  CERT: 'CERT',
  INFRASTRUCTURE_OPERATOR: 'Infrastructure operator',
};

/** Least to most powerful, as the schema orders them. */
export const WORKSPACE_ROLES: readonly WorkspaceRole[] = ['OBSERVER', 'CONTRIBUTOR', 'MODERATOR', 'OWNER'];

export const WORKSPACE_ROLE_LABELS: Readonly<Record<WorkspaceRole, string>> = {
  OBSERVER: 'Observer',
  CONTRIBUTOR: 'Contributor',
  MODERATOR: 'Moderator',
  OWNER: 'Owner',
};

export const PLATFORM_ROLE_LABELS: Readonly<Record<PlatformRole, string>> = {
  ADMIN: 'Platform admin',
  COORDINATOR: 'Coordinator',
  MEMBER: 'Member',
};

/** Whether `role` is at least `floor`. */
export function roleAtLeast(role: WorkspaceRole, floor: WorkspaceRole): boolean {
  return WORKSPACE_ROLES.indexOf(role) >= WORKSPACE_ROLES.indexOf(floor);
}

/** A person as `nameWithOrganization` names them. */
graphql(`
  fragment PersonWithOrganization on User {
    id
    displayName
    organization {
      id
      name
    }
  }
`);

/** "Name (Organisation)": how a person is named where their organisation matters. */
export function nameWithOrganization(user: {
  readonly displayName: string;
  readonly organization: { readonly name: string };
}): string {
  return `${user.displayName} (${user.organization.name})`;
}
