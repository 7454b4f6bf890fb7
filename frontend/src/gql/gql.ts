/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment PersonWithOrganization on User {\n    id\n    displayName\n    organization {\n      id\n      name\n    }\n  }\n": typeof types.PersonWithOrganizationFragmentDoc,
    "\n  fragment PageCursor on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": typeof types.PageCursorFragmentDoc,
    "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    read\n    createdAt\n    invitationId\n    programmeId\n    sessionId\n    actor {\n      id\n      displayName\n      organization {\n        id\n        name\n      }\n    }\n    workspace {\n      id\n      name\n    }\n    thread {\n      id\n      title\n      tlp\n    }\n    post {\n      id\n    }\n    advisory {\n      id\n      title\n    }\n  }\n": typeof types.NotificationItemFragmentDoc,
    "\n  query NotificationSummary {\n    unreadNotificationCount\n    notifications(first: 8) {\n      nodes {\n        ...NotificationItem\n      }\n    }\n  }\n": typeof types.NotificationSummaryDocument,
    "\n  query NotificationsPage($unreadOnly: Boolean!, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: 30, after: $after) {\n      nodes {\n        ...NotificationItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": typeof types.NotificationsPageDocument,
    "\n  subscription NotificationReceived($after: String) {\n    notificationReceived(after: $after) {\n      cursor\n      unreadCount\n      notification {\n        ...NotificationItem\n      }\n    }\n  }\n": typeof types.NotificationReceivedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  query Alerts($includeExpired: Boolean!, $after: String) {\n    alerts(first: 50, after: $after, includeExpired: $includeExpired) {\n      nodes {\n        ...AlertItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  subscription AlertIssued($after: String) {\n    alertIssued(after: $after) {\n      cursor\n      alert {\n        ...AlertItem\n      }\n    }\n  }\n": typeof types.AlertIssuedDocument,
    "\n  mutation IssueAlert($input: IssueAlertInput!) {\n    issueAlert(input: $input) {\n      ...AlertItem\n    }\n  }\n": typeof types.IssueAlertDocument,
    "\n  query AlertAdvisoryChoices {\n    publishedAdvisories(first: 50) {\n      nodes {\n        id\n        reference\n        title\n        status\n        audience\n      }\n    }\n  }\n": typeof types.AlertAdvisoryChoicesDocument,
    "\n  fragment SearchHitItem on SearchHit {\n    kind\n    rank\n    snippetHtml\n    thread {\n      id\n      title\n      tlp\n      workspace {\n        id\n        name\n      }\n    }\n    post {\n      id\n      createdAt\n      author {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.SearchHitItemFragmentDoc,
    "\n  query Search($query: String!, $workspaceId: ID, $after: String) {\n    search(query: $query, workspaceId: $workspaceId, first: 20, after: $after) {\n      nodes {\n        ...SearchHitItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query SearchScopes {\n    workspaces(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SearchScopesDocument,
    "\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      ...WorkspaceSummary\n    }\n  }\n": typeof types.WorkspaceDocument,
    "\n  fragment InvitationForViewer on Invitation {\n    id\n    role\n    status\n    expiresAt\n    expired\n    workspaceId\n    workspaceName\n    workspaceDescription\n    invitedOrganization {\n      id\n      name\n    }\n    invitedBy {\n      ...PersonWithOrganization\n    }\n  }\n": typeof types.InvitationForViewerFragmentDoc,
    "\n  query WorkspacesPage($after: String) {\n    workspaces(first: 50, after: $after) {\n      nodes {\n        ...WorkspaceSummary\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n    invitations(first: 50) {\n      nodes {\n        ...InvitationForViewer\n      }\n    }\n  }\n": typeof types.WorkspacesPageDocument,
    "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateWorkspaceDocument,
    "\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(id: $id) {\n      id\n    }\n  }\n": typeof types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.DeclineInvitationDocument,
    "\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    revokedAt\n    active\n    serviceAccount {\n      ...PersonWithOrganization\n    }\n  }\n": typeof types.ApiTokenRowFragmentDoc,
    "\n  query ApiTokensAdmin($after: String) {\n    apiTokens(first: 100, after: $after) {\n      nodes {\n        ...ApiTokenRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": typeof types.ApiTokensAdminDocument,
    "\n  query ServiceAccountChoices {\n    users(first: 100, filter: { kind: SERVICE, status: ACTIVE }) {\n      nodes {\n        ...PersonWithOrganization\n      }\n    }\n  }\n": typeof types.ServiceAccountChoicesDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenRow\n      }\n    }\n  }\n": typeof types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenRow\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  fragment OrganizationRow on Organization {\n    id\n    name\n    kind\n    country\n    verified\n    createdAt\n  }\n": typeof types.OrganizationRowFragmentDoc,
    "\n  query OrganizationsAdmin($filter: OrganizationFilter, $after: String) {\n    organizations(first: 100, filter: $filter, after: $after) {\n      nodes {\n        ...OrganizationRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": typeof types.OrganizationsAdminDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationRow\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  mutation VerifyOrganization($id: ID!, $verified: Boolean!) {\n    verifyOrganization(id: $id, verified: $verified) {\n      ...OrganizationRow\n    }\n  }\n": typeof types.VerifyOrganizationDocument,
    "\n  fragment UserRow on User {\n    id\n    email\n    displayName\n    role\n    status\n    kind\n    createdAt\n    organization {\n      id\n      name\n    }\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  query UsersAdmin($filter: UserFilter, $after: String) {\n    users(first: 100, filter: $filter, after: $after) {\n      nodes {\n        ...UserRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": typeof types.UsersAdminDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) {\n      ...UserRow\n    }\n  }\n": typeof types.CreateServiceAccountDocument,
    "\n  mutation SuspendUser($id: ID!) {\n    suspendUser(id: $id) {\n      ...UserRow\n    }\n  }\n": typeof types.SuspendUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": typeof types.ReactivateUserDocument,
    "\n  query OrganizationChoices {\n    organizations(first: 100) {\n      nodes {\n        id\n        name\n        verified\n      }\n    }\n  }\n": typeof types.OrganizationChoicesDocument,
    "\n  fragment AdvisoryListItem on Advisory {\n    id\n    title\n    status\n    tlp\n    severity\n    revision\n    reference\n    audience\n    updatedAt\n    publishedAt\n    withdrawnAt\n  }\n": typeof types.AdvisoryListItemFragmentDoc,
    "\n  fragment AdvisoryRevisionContent on AdvisoryRevision {\n    number\n    createdAt\n    author {\n      ...PersonWithOrganization\n    }\n    title\n    summary\n    body\n    severity\n    cvssVector\n    cvssScore\n    tlp\n    cves\n    affectedProducts {\n      vendor\n      product\n      versions\n    }\n    indicatorCount\n    indicators(first: 100) {\n      nodes {\n        kind\n        value\n      }\n    }\n    recommendations\n    references\n    credits\n  }\n": typeof types.AdvisoryRevisionContentFragmentDoc,
    "\n  fragment AdvisoryReadable on Advisory {\n    id\n    reference\n    status\n    title\n    tlp\n    severity\n    revision\n    audience\n    publishedAt\n    withdrawnAt\n    withdrawnReason\n    updatedAt\n    csafUrl\n    organizationNames\n    current {\n      number\n      summary\n      bodyHtml\n      cvssVector\n      cvssScore\n      cves\n      affectedProducts {\n        vendor\n        product\n        versions\n      }\n      indicatorCount\n      indicators(first: 100) {\n        nodes {\n          kind\n          value\n        }\n      }\n      recommendations\n      recommendationsHtml\n      references\n      credits\n    }\n  }\n": typeof types.AdvisoryReadableFragmentDoc,
    "\n  fragment AdvisoryWorkflow on Advisory {\n    id\n    reference\n    status\n    title\n    tlp\n    severity\n    revision\n    audience\n    publishedAt\n    withdrawnAt\n    withdrawnReason\n    updatedAt\n    viewerCanEdit\n    viewerCanManageAuthors\n    viewerCanComment\n    viewerCanSignOff\n    viewerCanPublish\n    viewerCanWithdraw\n    workspace {\n      id\n      name\n      viewerRole\n    }\n    authors(first: 50) {\n      nodes {\n        lead\n        addedAt\n        user {\n          ...PersonWithOrganization\n        }\n        organization {\n          id\n          name\n        }\n      }\n    }\n    signOffs(first: 50) {\n      nodes {\n        revision\n        signed\n        signedAt\n        organization {\n          id\n          name\n        }\n        signedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.AdvisoryWorkflowFragmentDoc,
    "\n  query AdvisoryPage($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryWorkflow\n      ...AdvisoryReadable\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n": typeof types.AdvisoryPageDocument,
    "\n  query AdvisoryCurrent($id: ID!) {\n    advisory(id: $id) {\n      id\n      revision\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n": typeof types.AdvisoryCurrentDocument,
    "\n  subscription AdvisoryUpdated($id: ID!, $after: String) {\n    advisoryUpdated(id: $id, after: $after) {\n      cursor\n      kind\n      actor {\n        ...PersonWithOrganization\n      }\n      advisory {\n        id\n        revision\n        status\n        reference\n      }\n    }\n  }\n": typeof types.AdvisoryUpdatedDocument,
    "\n  mutation SaveAdvisory($id: ID!, $expectedRevision: Int!, $changes: AdvisoryChangesInput!) {\n    saveAdvisory(id: $id, expectedRevision: $expectedRevision, changes: $changes) {\n      id\n      revision\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n": typeof types.SaveAdvisoryDocument,
    "\n  mutation AddIndicators($id: ID!, $expectedRevision: Int!, $text: String!) {\n    addIndicators(id: $id, expectedRevision: $expectedRevision, text: $text) {\n      accepted\n      duplicates\n      rejected\n      lines {\n        line\n        input\n        outcome\n        reason\n        indicator {\n          kind\n          value\n        }\n      }\n      advisory {\n        id\n        revision\n        current {\n          ...AdvisoryRevisionContent\n        }\n      }\n    }\n  }\n": typeof types.AddIndicatorsDocument,
    "\n  mutation SubmitForReview($id: ID!) {\n    submitForReview(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitForReviewDocument,
    "\n  mutation SignOff($id: ID!, $revision: Int!) {\n    signOff(id: $id, revision: $revision) {\n      id\n      status\n    }\n  }\n": typeof types.SignOffDocument,
    "\n  mutation PublishAdvisory($id: ID!, $audience: Audience!) {\n    publishAdvisory(id: $id, audience: $audience) {\n      id\n      status\n      reference\n    }\n  }\n": typeof types.PublishAdvisoryDocument,
    "\n  mutation WithdrawAdvisory($id: ID!, $reason: String!) {\n    withdrawAdvisory(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": typeof types.WithdrawAdvisoryDocument,
    "\n  mutation AddCoAuthor($advisoryId: ID!, $userId: ID!) {\n    addCoAuthor(advisoryId: $advisoryId, userId: $userId) {\n      id\n    }\n  }\n": typeof types.AddCoAuthorDocument,
    "\n  mutation RemoveCoAuthor($advisoryId: ID!, $userId: ID!) {\n    removeCoAuthor(advisoryId: $advisoryId, userId: $userId) {\n      id\n    }\n  }\n": typeof types.RemoveCoAuthorDocument,
    "\n  query CoAuthorCandidates($id: ID!) {\n    workspace(id: $id) {\n      id\n      members(first: 100) {\n        nodes {\n          role\n          user {\n            ...PersonWithOrganization\n          }\n        }\n      }\n    }\n  }\n": typeof types.CoAuthorCandidatesDocument,
    "\n  fragment ReviewCommentItem on ReviewComment {\n    id\n    revision\n    field\n    body\n    createdAt\n    resolved\n    resolvedAt\n    author {\n      ...PersonWithOrganization\n    }\n    resolvedBy {\n      id\n      displayName\n    }\n  }\n": typeof types.ReviewCommentItemFragmentDoc,
    "\n  query AdvisoryComments($id: ID!, $includeResolved: Boolean!, $after: String) {\n    advisory(id: $id) {\n      id\n      comments(first: 50, after: $after, includeResolved: $includeResolved) {\n        nodes {\n          ...ReviewCommentItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": typeof types.AdvisoryCommentsDocument,
    "\n  mutation AddReviewComment($advisoryId: ID!, $revision: Int!, $field: String!, $body: String!) {\n    addReviewComment(advisoryId: $advisoryId, revision: $revision, field: $field, body: $body) {\n      comment {\n        ...ReviewCommentItem\n      }\n    }\n  }\n": typeof types.AddReviewCommentDocument,
    "\n  mutation ResolveReviewComment($id: ID!, $resolved: Boolean!) {\n    resolveReviewComment(id: $id, resolved: $resolved) {\n      comment {\n        ...ReviewCommentItem\n      }\n    }\n  }\n": typeof types.ResolveReviewCommentDocument,
    "\n  query AdvisoryRevisions($id: ID!, $after: String) {\n    advisory(id: $id) {\n      id\n      revisions(first: 50, after: $after) {\n        nodes {\n          number\n          createdAt\n          title\n          author {\n            ...PersonWithOrganization\n          }\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": typeof types.AdvisoryRevisionsDocument,
    "\n  query AdvisoryDiff($id: ID!, $from: Int!, $to: Int!) {\n    advisoryDiff(id: $id, from: $from, to: $to) {\n      from\n      to\n      bodyComplete\n      fields {\n        field\n        before\n        after\n      }\n      body {\n        change\n        text\n      }\n    }\n  }\n": typeof types.AdvisoryDiffDocument,
    "\n  query AdvisoryCsaf($id: ID!) {\n    advisoryCsaf(id: $id)\n  }\n": typeof types.AdvisoryCsafDocument,
    "\n  query AdvisoryStix($id: ID!) {\n    advisoryStix(id: $id)\n  }\n": typeof types.AdvisoryStixDocument,
    "\n  fragment PostItem on Post {\n    id\n    body\n    bodyHtml\n    version\n    createdAt\n    editedAt\n    removed\n    removedAt\n    removedBy {\n      id\n      displayName\n    }\n    author {\n      ...PersonWithOrganization\n    }\n    replyTo {\n      id\n      author {\n        id\n        displayName\n      }\n    }\n    reactions {\n      reaction\n      count\n      viewerReacted\n    }\n    viewerCanEdit\n  }\n": typeof types.PostItemFragmentDoc,
    "\n  fragment ThreadHeader on Thread {\n    id\n    title\n    tlp\n    pinned\n    locked\n    createdAt\n    viewerCanPost\n    viewerCanModerate\n    author {\n      ...PersonWithOrganization\n    }\n    workspace {\n      id\n      name\n      defaultTlp\n      viewerRole\n      archived\n    }\n    recipients(first: 50) {\n      nodes {\n        ...PersonWithOrganization\n      }\n    }\n  }\n": typeof types.ThreadHeaderFragmentDoc,
    "\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      ...ThreadHeader\n      posts(first: 50, after: $after) {\n        nodes {\n          ...PostItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": typeof types.ThreadPageDocument,
    "\n  subscription ThreadPostAdded($threadId: ID!, $after: String) {\n    postAdded(threadId: $threadId, after: $after) {\n      cursor\n      post {\n        ...PostItem\n      }\n    }\n  }\n": typeof types.ThreadPostAddedDocument,
    "\n  subscription ThreadPageActivity($workspaceId: ID!, $after: String) {\n    threadActivity(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      thread {\n        id\n        title\n        tlp\n        pinned\n        locked\n        viewerCanPost\n        viewerCanModerate\n      }\n      post {\n        ...PostItem\n      }\n    }\n  }\n": typeof types.ThreadPageActivityDocument,
    "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      ...PostItem\n    }\n  }\n": typeof types.CreatePostDocument,
    "\n  mutation EditPost($id: ID!, $body: String!) {\n    editPost(id: $id, body: $body) {\n      ...PostItem\n    }\n  }\n": typeof types.EditPostDocument,
    "\n  mutation RemovePost($id: ID!, $reason: String) {\n    removePost(id: $id, reason: $reason) {\n      ...PostItem\n    }\n  }\n": typeof types.RemovePostDocument,
    "\n  mutation React($postId: ID!, $reaction: Reaction!) {\n    react(postId: $postId, reaction: $reaction) {\n      ...PostItem\n    }\n  }\n": typeof types.ReactDocument,
    "\n  mutation Unreact($postId: ID!, $reaction: Reaction!) {\n    unreact(postId: $postId, reaction: $reaction) {\n      ...PostItem\n    }\n  }\n": typeof types.UnreactDocument,
    "\n  mutation PinThread($id: ID!, $pinned: Boolean!) {\n    pinThread(id: $id, pinned: $pinned) {\n      id\n      pinned\n    }\n  }\n": typeof types.PinThreadDocument,
    "\n  mutation LockThread($id: ID!, $locked: Boolean!) {\n    lockThread(id: $id, locked: $locked) {\n      id\n      locked\n      viewerCanPost\n    }\n  }\n": typeof types.LockThreadDocument,
    "\n  query WorkspaceAdvisories($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      advisories(first: 50, after: $after) {\n        nodes {\n          ...AdvisoryListItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceAdvisoriesDocument,
    "\n  mutation CreateAdvisory($input: CreateAdvisoryInput!) {\n    createAdvisory(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateAdvisoryDocument,
    "\n  query WorkspaceInvitations($id: ID!) {\n    workspace(id: $id) {\n      id\n      invitations(first: 100) {\n        nodes {\n          id\n          role\n          status\n          createdAt\n          expiresAt\n          expired\n          invitedUser {\n            id\n            displayName\n            email\n            organization {\n              id\n              name\n            }\n          }\n          invitedOrganization {\n            id\n            name\n            kind\n          }\n          invitedBy {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceInvitationsDocument,
    "\n  query InviteOrganizations {\n    organizations(first: 100, filter: { verified: true }) {\n      nodes {\n        id\n        name\n        kind\n        country\n      }\n    }\n  }\n": typeof types.InviteOrganizationsDocument,
    "\n  mutation InviteToWorkspace($input: InviteToWorkspaceInput!) {\n    inviteToWorkspace(input: $input) {\n      id\n    }\n  }\n": typeof types.InviteToWorkspaceDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.RevokeInvitationDocument,
    "\n  fragment WorkspaceMemberItem on WorkspaceMember {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n      email\n      organization {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.WorkspaceMemberItemFragmentDoc,
    "\n  query WorkspaceMembers($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      members(first: 100, after: $after) {\n        nodes {\n          ...WorkspaceMemberItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceMembersDocument,
    "\n  subscription WorkspaceMembershipChanged($workspaceId: ID!, $after: String) {\n    membershipChanged(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      role\n      member {\n        id\n      }\n    }\n  }\n": typeof types.WorkspaceMembershipChangedDocument,
    "\n  mutation ChangeMemberRole($workspaceId: ID!, $userId: ID!, $role: WorkspaceRole!) {\n    changeMemberRole(workspaceId: $workspaceId, userId: $userId, role: $role) {\n      ...WorkspaceMemberItem\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($workspaceId: ID!, $userId: ID!) {\n    removeMember(workspaceId: $workspaceId, userId: $userId) {\n      id\n    }\n  }\n": typeof types.RemoveMemberDocument,
    "\n  mutation LeaveWorkspace($id: ID!) {\n    leaveWorkspace(id: $id)\n  }\n": typeof types.LeaveWorkspaceDocument,
    "\n  fragment ThreadListItem on Thread {\n    id\n    title\n    tlp\n    pinned\n    locked\n    lastActivityAt\n    author {\n      ...PersonWithOrganization\n    }\n  }\n": typeof types.ThreadListItemFragmentDoc,
    "\n  query WorkspaceThreads($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      threads(first: 50, after: $after) {\n        nodes {\n          ...ThreadListItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": typeof types.WorkspaceThreadsDocument,
    "\n  subscription WorkspaceThreadActivity($workspaceId: ID!, $after: String) {\n    threadActivity(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      thread {\n        ...ThreadListItem\n      }\n    }\n  }\n": typeof types.WorkspaceThreadActivityDocument,
    "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateThreadDocument,
    "\n  query RecipientCandidates($id: ID!) {\n    workspace(id: $id) {\n      id\n      members(first: 100) {\n        nodes {\n          role\n          user {\n            ...PersonWithOrganization\n          }\n        }\n      }\n    }\n  }\n": typeof types.RecipientCandidatesDocument,
    "\n  fragment WorkspaceSummary on Workspace {\n    id\n    name\n    description\n    defaultTlp\n    archived\n    viewerRole\n    restrictedToKinds\n  }\n": typeof types.WorkspaceSummaryFragmentDoc,
    "\n  fragment AlertItem on Alert {\n    id\n    title\n    summary\n    severity\n    audience\n    regions\n    expiresAt\n    expired\n    issuedAt\n    advisory {\n      id\n      reference\n      title\n    }\n  }\n": typeof types.AlertItemFragmentDoc,
    "\n  query PublicHome($includeExpired: Boolean!) {\n    publicAlerts(first: 50, includeExpired: $includeExpired) {\n      nodes {\n        ...AlertItem\n      }\n    }\n    publishedAdvisories(first: 50) {\n      nodes {\n        ...AdvisoryListItem\n        csafUrl\n        organizationNames\n      }\n    }\n  }\n": typeof types.PublicHomeDocument,
    "\n  query PublicAdvisory($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryReadable\n    }\n  }\n": typeof types.PublicAdvisoryDocument,
    "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      holderName\n      programmeTitle\n      providerName\n      issuedAt\n      expiresAt\n      status\n    }\n  }\n": typeof types.VerifyCertificateDocument,
    "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    kind\n    organization {\n      id\n      name\n      kind\n      verified\n    }\n  }\n": typeof types.SessionUserFragmentDoc,
    "\n  fragment SessionTokens on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      ...SessionUser\n    }\n  }\n": typeof types.SessionTokensFragmentDoc,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password, cookie: true) {\n      ...SessionTokens\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionTokens\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": typeof types.SignOutDocument,
    "\n  fragment ProgrammeCard on Programme {\n    id\n    title\n    description\n    format\n    language\n    audienceKinds\n    certifying\n    status\n    provider {\n      id\n      name\n    }\n  }\n": typeof types.ProgrammeCardFragmentDoc,
    "\n  query Programmes(\n    $after: String\n    $search: String\n    $format: ProgrammeFormat\n    $providerId: ID\n    $language: String\n    $withOpenSeats: Boolean!\n  ) {\n    programmes(\n      first: 20\n      after: $after\n      search: $search\n      format: $format\n      providerId: $providerId\n      language: $language\n      withOpenSeats: $withOpenSeats\n    ) {\n      nodes {\n        ...ProgrammeCard\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": typeof types.ProgrammesDocument,
    "\n  query ProviderChoices {\n    organizations(filter: { verified: true }, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ProviderChoicesDocument,
    "\n  mutation CreateProgramme($input: CreateProgrammeInput!) {\n    createProgramme(input: $input) {\n      id\n    }\n  }\n": typeof types.CreateProgrammeDocument,
    "\n  fragment ParticipantItem on Enrolment {\n    id\n    status\n    waitingListPosition\n    attended\n    completedAt\n    learner {\n      id\n      displayName\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ParticipantItemFragmentDoc,
    "\n  fragment SessionItem on TrainingSession {\n    id\n    startsAt\n    endsAt\n    timeZone\n    place\n    onlineLink\n    capacity\n    seatsTaken\n    seatsFree\n    waitingListLength\n    status\n    viewerCanInstruct\n    viewerEnrolment {\n      id\n      status\n      waitingListPosition\n    }\n  }\n": typeof types.SessionItemFragmentDoc,
    "\n  query ProgrammeParticipants($id: ID!) {\n    programme(id: $id) {\n      id\n      sessions(first: 10, includePast: true) {\n        nodes {\n          id\n          participants(first: 30) {\n            nodes {\n              ...ParticipantItem\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProgrammeParticipantsDocument,
    "\n  query Programme($id: ID!) {\n    programme(id: $id) {\n      id\n      title\n      description\n      descriptionHtml\n      format\n      language\n      audienceKinds\n      certifying\n      certificateValidDays\n      status\n      provider {\n        id\n        name\n      }\n      prerequisites(first: 20) {\n        nodes {\n          id\n          title\n        }\n      }\n      modules(first: 50) {\n        nodes {\n          id\n          position\n          title\n          contentHtml\n          viewerCompleted\n        }\n      }\n      sessions(first: 20, includePast: true) {\n        nodes {\n          ...SessionItem\n        }\n      }\n      viewerCanManage\n      viewerCanEnrol\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n": typeof types.ProgrammeDocument,
    "\n  subscription TrainingUpdated($programmeId: ID!, $after: String) {\n    trainingUpdated(programmeId: $programmeId, after: $after) {\n      cursor\n      programmeId\n    }\n  }\n": typeof types.TrainingUpdatedDocument,
    "\n  mutation Enrol($sessionId: ID!) {\n    enrol(sessionId: $sessionId) {\n      id\n      status\n      waitingListPosition\n    }\n  }\n": typeof types.EnrolDocument,
    "\n  mutation CancelEnrolment($sessionId: ID!) {\n    cancelEnrolment(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n": typeof types.CancelEnrolmentDocument,
    "\n  mutation CompleteModule($id: ID!) {\n    completeModule(id: $id) {\n      id\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n": typeof types.CompleteModuleDocument,
    "\n  mutation UncompleteModule($id: ID!) {\n    uncompleteModule(id: $id) {\n      id\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n": typeof types.UncompleteModuleDocument,
    "\n  mutation UpdateProgramme($id: ID!, $input: UpdateProgrammeInput!) {\n    updateProgramme(id: $id, input: $input) {\n      id\n      title\n      description\n      descriptionHtml\n      language\n      audienceKinds\n      certifying\n      certificateValidDays\n    }\n  }\n": typeof types.UpdateProgrammeDocument,
    "\n  mutation OpenProgramme($id: ID!) {\n    openProgramme(id: $id) {\n      id\n      status\n      viewerCanEnrol\n    }\n  }\n": typeof types.OpenProgrammeDocument,
    "\n  mutation CloseProgramme($id: ID!) {\n    closeProgramme(id: $id) {\n      id\n      status\n      viewerCanEnrol\n    }\n  }\n": typeof types.CloseProgrammeDocument,
    "\n  mutation AddModule($programmeId: ID!, $title: String!, $content: String!) {\n    addModule(programmeId: $programmeId, title: $title, content: $content) {\n      id\n    }\n  }\n": typeof types.AddModuleDocument,
    "\n  mutation RemoveModule($id: ID!) {\n    removeModule(id: $id) {\n      id\n    }\n  }\n": typeof types.RemoveModuleDocument,
    "\n  mutation CreateSession($programmeId: ID!, $input: SessionInput!) {\n    createSession(programmeId: $programmeId, input: $input) {\n      id\n    }\n  }\n": typeof types.CreateSessionDocument,
    "\n  mutation CancelSession($id: ID!) {\n    cancelSession(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelSessionDocument,
    "\n  mutation RecordAttendance($enrolmentId: ID!, $attended: Boolean!) {\n    recordAttendance(enrolmentId: $enrolmentId, attended: $attended) {\n      ...ParticipantItem\n    }\n  }\n": typeof types.RecordAttendanceDocument,
    "\n  mutation CompleteEnrolment($enrolmentId: ID!) {\n    completeEnrolment(enrolmentId: $enrolmentId) {\n      ...ParticipantItem\n    }\n  }\n": typeof types.CompleteEnrolmentDocument,
    "\n  mutation RemoveParticipant($enrolmentId: ID!) {\n    removeParticipant(enrolmentId: $enrolmentId) {\n      ...ParticipantItem\n    }\n  }\n": typeof types.RemoveParticipantDocument,
    "\n  fragment CertificateItem on Certificate {\n    id\n    code\n    programmeId\n    programmeTitle\n    holder {\n      id\n      displayName\n    }\n    issuedAt\n    expiresAt\n    revokedAt\n    revokedReason\n    status\n  }\n": typeof types.CertificateItemFragmentDoc,
    "\n  query ProgrammeCertificates($programmeId: ID!, $after: String) {\n    programmeCertificates(programmeId: $programmeId, first: 50, after: $after) {\n      nodes {\n        ...CertificateItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": typeof types.ProgrammeCertificatesDocument,
    "\n  mutation IssueCertificate($programmeId: ID!, $userId: ID!, $expiresAt: DateTime) {\n    issueCertificate(programmeId: $programmeId, userId: $userId, expiresAt: $expiresAt) {\n      ...CertificateItem\n    }\n  }\n": typeof types.IssueCertificateDocument,
    "\n  mutation RevokeCertificate($id: ID!, $reason: String!) {\n    revokeCertificate(id: $id, reason: $reason) {\n      ...CertificateItem\n    }\n  }\n": typeof types.RevokeCertificateDocument,
    "\n  query MyEnrolments($after: String) {\n    myEnrolments(first: 50, after: $after) {\n      nodes {\n        id\n        status\n        waitingListPosition\n        requestedAt\n        attended\n        completedAt\n        session {\n          id\n          startsAt\n          endsAt\n          timeZone\n          status\n          programme {\n            id\n            title\n            format\n          }\n        }\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": typeof types.MyEnrolmentsDocument,
    "\n  query MyELearning {\n    programmes(first: 50, format: E_LEARNING) {\n      nodes {\n        id\n        title\n        viewerProgress {\n          completedModules\n          totalModules\n          complete\n        }\n      }\n    }\n  }\n": typeof types.MyELearningDocument,
    "\n  query MyCertificates($after: String) {\n    myCertificates(first: 50, after: $after) {\n      nodes {\n        ...CertificateItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": typeof types.MyCertificatesDocument,
};
const documents: Documents = {
    "\n  fragment PersonWithOrganization on User {\n    id\n    displayName\n    organization {\n      id\n      name\n    }\n  }\n": types.PersonWithOrganizationFragmentDoc,
    "\n  fragment PageCursor on PageInfo {\n    hasNextPage\n    endCursor\n  }\n": types.PageCursorFragmentDoc,
    "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    read\n    createdAt\n    invitationId\n    programmeId\n    sessionId\n    actor {\n      id\n      displayName\n      organization {\n        id\n        name\n      }\n    }\n    workspace {\n      id\n      name\n    }\n    thread {\n      id\n      title\n      tlp\n    }\n    post {\n      id\n    }\n    advisory {\n      id\n      title\n    }\n  }\n": types.NotificationItemFragmentDoc,
    "\n  query NotificationSummary {\n    unreadNotificationCount\n    notifications(first: 8) {\n      nodes {\n        ...NotificationItem\n      }\n    }\n  }\n": types.NotificationSummaryDocument,
    "\n  query NotificationsPage($unreadOnly: Boolean!, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: 30, after: $after) {\n      nodes {\n        ...NotificationItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": types.NotificationsPageDocument,
    "\n  subscription NotificationReceived($after: String) {\n    notificationReceived(after: $after) {\n      cursor\n      unreadCount\n      notification {\n        ...NotificationItem\n      }\n    }\n  }\n": types.NotificationReceivedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  query Alerts($includeExpired: Boolean!, $after: String) {\n    alerts(first: 50, after: $after, includeExpired: $includeExpired) {\n      nodes {\n        ...AlertItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": types.AlertsDocument,
    "\n  subscription AlertIssued($after: String) {\n    alertIssued(after: $after) {\n      cursor\n      alert {\n        ...AlertItem\n      }\n    }\n  }\n": types.AlertIssuedDocument,
    "\n  mutation IssueAlert($input: IssueAlertInput!) {\n    issueAlert(input: $input) {\n      ...AlertItem\n    }\n  }\n": types.IssueAlertDocument,
    "\n  query AlertAdvisoryChoices {\n    publishedAdvisories(first: 50) {\n      nodes {\n        id\n        reference\n        title\n        status\n        audience\n      }\n    }\n  }\n": types.AlertAdvisoryChoicesDocument,
    "\n  fragment SearchHitItem on SearchHit {\n    kind\n    rank\n    snippetHtml\n    thread {\n      id\n      title\n      tlp\n      workspace {\n        id\n        name\n      }\n    }\n    post {\n      id\n      createdAt\n      author {\n        id\n        displayName\n      }\n    }\n  }\n": types.SearchHitItemFragmentDoc,
    "\n  query Search($query: String!, $workspaceId: ID, $after: String) {\n    search(query: $query, workspaceId: $workspaceId, first: 20, after: $after) {\n      nodes {\n        ...SearchHitItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query SearchScopes {\n    workspaces(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.SearchScopesDocument,
    "\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      ...WorkspaceSummary\n    }\n  }\n": types.WorkspaceDocument,
    "\n  fragment InvitationForViewer on Invitation {\n    id\n    role\n    status\n    expiresAt\n    expired\n    workspaceId\n    workspaceName\n    workspaceDescription\n    invitedOrganization {\n      id\n      name\n    }\n    invitedBy {\n      ...PersonWithOrganization\n    }\n  }\n": types.InvitationForViewerFragmentDoc,
    "\n  query WorkspacesPage($after: String) {\n    workspaces(first: 50, after: $after) {\n      nodes {\n        ...WorkspaceSummary\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n    invitations(first: 50) {\n      nodes {\n        ...InvitationForViewer\n      }\n    }\n  }\n": types.WorkspacesPageDocument,
    "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n": types.CreateWorkspaceDocument,
    "\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(id: $id) {\n      id\n    }\n  }\n": types.AcceptInvitationDocument,
    "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": types.DeclineInvitationDocument,
    "\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    revokedAt\n    active\n    serviceAccount {\n      ...PersonWithOrganization\n    }\n  }\n": types.ApiTokenRowFragmentDoc,
    "\n  query ApiTokensAdmin($after: String) {\n    apiTokens(first: 100, after: $after) {\n      nodes {\n        ...ApiTokenRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": types.ApiTokensAdminDocument,
    "\n  query ServiceAccountChoices {\n    users(first: 100, filter: { kind: SERVICE, status: ACTIVE }) {\n      nodes {\n        ...PersonWithOrganization\n      }\n    }\n  }\n": types.ServiceAccountChoicesDocument,
    "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenRow\n      }\n    }\n  }\n": types.CreateApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenRow\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  fragment OrganizationRow on Organization {\n    id\n    name\n    kind\n    country\n    verified\n    createdAt\n  }\n": types.OrganizationRowFragmentDoc,
    "\n  query OrganizationsAdmin($filter: OrganizationFilter, $after: String) {\n    organizations(first: 100, filter: $filter, after: $after) {\n      nodes {\n        ...OrganizationRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": types.OrganizationsAdminDocument,
    "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationRow\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  mutation VerifyOrganization($id: ID!, $verified: Boolean!) {\n    verifyOrganization(id: $id, verified: $verified) {\n      ...OrganizationRow\n    }\n  }\n": types.VerifyOrganizationDocument,
    "\n  fragment UserRow on User {\n    id\n    email\n    displayName\n    role\n    status\n    kind\n    createdAt\n    organization {\n      id\n      name\n    }\n  }\n": types.UserRowFragmentDoc,
    "\n  query UsersAdmin($filter: UserFilter, $after: String) {\n    users(first: 100, filter: $filter, after: $after) {\n      nodes {\n        ...UserRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": types.UsersAdminDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) {\n      ...UserRow\n    }\n  }\n": types.CreateServiceAccountDocument,
    "\n  mutation SuspendUser($id: ID!) {\n    suspendUser(id: $id) {\n      ...UserRow\n    }\n  }\n": types.SuspendUserDocument,
    "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n": types.ReactivateUserDocument,
    "\n  query OrganizationChoices {\n    organizations(first: 100) {\n      nodes {\n        id\n        name\n        verified\n      }\n    }\n  }\n": types.OrganizationChoicesDocument,
    "\n  fragment AdvisoryListItem on Advisory {\n    id\n    title\n    status\n    tlp\n    severity\n    revision\n    reference\n    audience\n    updatedAt\n    publishedAt\n    withdrawnAt\n  }\n": types.AdvisoryListItemFragmentDoc,
    "\n  fragment AdvisoryRevisionContent on AdvisoryRevision {\n    number\n    createdAt\n    author {\n      ...PersonWithOrganization\n    }\n    title\n    summary\n    body\n    severity\n    cvssVector\n    cvssScore\n    tlp\n    cves\n    affectedProducts {\n      vendor\n      product\n      versions\n    }\n    indicatorCount\n    indicators(first: 100) {\n      nodes {\n        kind\n        value\n      }\n    }\n    recommendations\n    references\n    credits\n  }\n": types.AdvisoryRevisionContentFragmentDoc,
    "\n  fragment AdvisoryReadable on Advisory {\n    id\n    reference\n    status\n    title\n    tlp\n    severity\n    revision\n    audience\n    publishedAt\n    withdrawnAt\n    withdrawnReason\n    updatedAt\n    csafUrl\n    organizationNames\n    current {\n      number\n      summary\n      bodyHtml\n      cvssVector\n      cvssScore\n      cves\n      affectedProducts {\n        vendor\n        product\n        versions\n      }\n      indicatorCount\n      indicators(first: 100) {\n        nodes {\n          kind\n          value\n        }\n      }\n      recommendations\n      recommendationsHtml\n      references\n      credits\n    }\n  }\n": types.AdvisoryReadableFragmentDoc,
    "\n  fragment AdvisoryWorkflow on Advisory {\n    id\n    reference\n    status\n    title\n    tlp\n    severity\n    revision\n    audience\n    publishedAt\n    withdrawnAt\n    withdrawnReason\n    updatedAt\n    viewerCanEdit\n    viewerCanManageAuthors\n    viewerCanComment\n    viewerCanSignOff\n    viewerCanPublish\n    viewerCanWithdraw\n    workspace {\n      id\n      name\n      viewerRole\n    }\n    authors(first: 50) {\n      nodes {\n        lead\n        addedAt\n        user {\n          ...PersonWithOrganization\n        }\n        organization {\n          id\n          name\n        }\n      }\n    }\n    signOffs(first: 50) {\n      nodes {\n        revision\n        signed\n        signedAt\n        organization {\n          id\n          name\n        }\n        signedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.AdvisoryWorkflowFragmentDoc,
    "\n  query AdvisoryPage($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryWorkflow\n      ...AdvisoryReadable\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n": types.AdvisoryPageDocument,
    "\n  query AdvisoryCurrent($id: ID!) {\n    advisory(id: $id) {\n      id\n      revision\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n": types.AdvisoryCurrentDocument,
    "\n  subscription AdvisoryUpdated($id: ID!, $after: String) {\n    advisoryUpdated(id: $id, after: $after) {\n      cursor\n      kind\n      actor {\n        ...PersonWithOrganization\n      }\n      advisory {\n        id\n        revision\n        status\n        reference\n      }\n    }\n  }\n": types.AdvisoryUpdatedDocument,
    "\n  mutation SaveAdvisory($id: ID!, $expectedRevision: Int!, $changes: AdvisoryChangesInput!) {\n    saveAdvisory(id: $id, expectedRevision: $expectedRevision, changes: $changes) {\n      id\n      revision\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n": types.SaveAdvisoryDocument,
    "\n  mutation AddIndicators($id: ID!, $expectedRevision: Int!, $text: String!) {\n    addIndicators(id: $id, expectedRevision: $expectedRevision, text: $text) {\n      accepted\n      duplicates\n      rejected\n      lines {\n        line\n        input\n        outcome\n        reason\n        indicator {\n          kind\n          value\n        }\n      }\n      advisory {\n        id\n        revision\n        current {\n          ...AdvisoryRevisionContent\n        }\n      }\n    }\n  }\n": types.AddIndicatorsDocument,
    "\n  mutation SubmitForReview($id: ID!) {\n    submitForReview(id: $id) {\n      id\n      status\n    }\n  }\n": types.SubmitForReviewDocument,
    "\n  mutation SignOff($id: ID!, $revision: Int!) {\n    signOff(id: $id, revision: $revision) {\n      id\n      status\n    }\n  }\n": types.SignOffDocument,
    "\n  mutation PublishAdvisory($id: ID!, $audience: Audience!) {\n    publishAdvisory(id: $id, audience: $audience) {\n      id\n      status\n      reference\n    }\n  }\n": types.PublishAdvisoryDocument,
    "\n  mutation WithdrawAdvisory($id: ID!, $reason: String!) {\n    withdrawAdvisory(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n": types.WithdrawAdvisoryDocument,
    "\n  mutation AddCoAuthor($advisoryId: ID!, $userId: ID!) {\n    addCoAuthor(advisoryId: $advisoryId, userId: $userId) {\n      id\n    }\n  }\n": types.AddCoAuthorDocument,
    "\n  mutation RemoveCoAuthor($advisoryId: ID!, $userId: ID!) {\n    removeCoAuthor(advisoryId: $advisoryId, userId: $userId) {\n      id\n    }\n  }\n": types.RemoveCoAuthorDocument,
    "\n  query CoAuthorCandidates($id: ID!) {\n    workspace(id: $id) {\n      id\n      members(first: 100) {\n        nodes {\n          role\n          user {\n            ...PersonWithOrganization\n          }\n        }\n      }\n    }\n  }\n": types.CoAuthorCandidatesDocument,
    "\n  fragment ReviewCommentItem on ReviewComment {\n    id\n    revision\n    field\n    body\n    createdAt\n    resolved\n    resolvedAt\n    author {\n      ...PersonWithOrganization\n    }\n    resolvedBy {\n      id\n      displayName\n    }\n  }\n": types.ReviewCommentItemFragmentDoc,
    "\n  query AdvisoryComments($id: ID!, $includeResolved: Boolean!, $after: String) {\n    advisory(id: $id) {\n      id\n      comments(first: 50, after: $after, includeResolved: $includeResolved) {\n        nodes {\n          ...ReviewCommentItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": types.AdvisoryCommentsDocument,
    "\n  mutation AddReviewComment($advisoryId: ID!, $revision: Int!, $field: String!, $body: String!) {\n    addReviewComment(advisoryId: $advisoryId, revision: $revision, field: $field, body: $body) {\n      comment {\n        ...ReviewCommentItem\n      }\n    }\n  }\n": types.AddReviewCommentDocument,
    "\n  mutation ResolveReviewComment($id: ID!, $resolved: Boolean!) {\n    resolveReviewComment(id: $id, resolved: $resolved) {\n      comment {\n        ...ReviewCommentItem\n      }\n    }\n  }\n": types.ResolveReviewCommentDocument,
    "\n  query AdvisoryRevisions($id: ID!, $after: String) {\n    advisory(id: $id) {\n      id\n      revisions(first: 50, after: $after) {\n        nodes {\n          number\n          createdAt\n          title\n          author {\n            ...PersonWithOrganization\n          }\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": types.AdvisoryRevisionsDocument,
    "\n  query AdvisoryDiff($id: ID!, $from: Int!, $to: Int!) {\n    advisoryDiff(id: $id, from: $from, to: $to) {\n      from\n      to\n      bodyComplete\n      fields {\n        field\n        before\n        after\n      }\n      body {\n        change\n        text\n      }\n    }\n  }\n": types.AdvisoryDiffDocument,
    "\n  query AdvisoryCsaf($id: ID!) {\n    advisoryCsaf(id: $id)\n  }\n": types.AdvisoryCsafDocument,
    "\n  query AdvisoryStix($id: ID!) {\n    advisoryStix(id: $id)\n  }\n": types.AdvisoryStixDocument,
    "\n  fragment PostItem on Post {\n    id\n    body\n    bodyHtml\n    version\n    createdAt\n    editedAt\n    removed\n    removedAt\n    removedBy {\n      id\n      displayName\n    }\n    author {\n      ...PersonWithOrganization\n    }\n    replyTo {\n      id\n      author {\n        id\n        displayName\n      }\n    }\n    reactions {\n      reaction\n      count\n      viewerReacted\n    }\n    viewerCanEdit\n  }\n": types.PostItemFragmentDoc,
    "\n  fragment ThreadHeader on Thread {\n    id\n    title\n    tlp\n    pinned\n    locked\n    createdAt\n    viewerCanPost\n    viewerCanModerate\n    author {\n      ...PersonWithOrganization\n    }\n    workspace {\n      id\n      name\n      defaultTlp\n      viewerRole\n      archived\n    }\n    recipients(first: 50) {\n      nodes {\n        ...PersonWithOrganization\n      }\n    }\n  }\n": types.ThreadHeaderFragmentDoc,
    "\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      ...ThreadHeader\n      posts(first: 50, after: $after) {\n        nodes {\n          ...PostItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": types.ThreadPageDocument,
    "\n  subscription ThreadPostAdded($threadId: ID!, $after: String) {\n    postAdded(threadId: $threadId, after: $after) {\n      cursor\n      post {\n        ...PostItem\n      }\n    }\n  }\n": types.ThreadPostAddedDocument,
    "\n  subscription ThreadPageActivity($workspaceId: ID!, $after: String) {\n    threadActivity(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      thread {\n        id\n        title\n        tlp\n        pinned\n        locked\n        viewerCanPost\n        viewerCanModerate\n      }\n      post {\n        ...PostItem\n      }\n    }\n  }\n": types.ThreadPageActivityDocument,
    "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      ...PostItem\n    }\n  }\n": types.CreatePostDocument,
    "\n  mutation EditPost($id: ID!, $body: String!) {\n    editPost(id: $id, body: $body) {\n      ...PostItem\n    }\n  }\n": types.EditPostDocument,
    "\n  mutation RemovePost($id: ID!, $reason: String) {\n    removePost(id: $id, reason: $reason) {\n      ...PostItem\n    }\n  }\n": types.RemovePostDocument,
    "\n  mutation React($postId: ID!, $reaction: Reaction!) {\n    react(postId: $postId, reaction: $reaction) {\n      ...PostItem\n    }\n  }\n": types.ReactDocument,
    "\n  mutation Unreact($postId: ID!, $reaction: Reaction!) {\n    unreact(postId: $postId, reaction: $reaction) {\n      ...PostItem\n    }\n  }\n": types.UnreactDocument,
    "\n  mutation PinThread($id: ID!, $pinned: Boolean!) {\n    pinThread(id: $id, pinned: $pinned) {\n      id\n      pinned\n    }\n  }\n": types.PinThreadDocument,
    "\n  mutation LockThread($id: ID!, $locked: Boolean!) {\n    lockThread(id: $id, locked: $locked) {\n      id\n      locked\n      viewerCanPost\n    }\n  }\n": types.LockThreadDocument,
    "\n  query WorkspaceAdvisories($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      advisories(first: 50, after: $after) {\n        nodes {\n          ...AdvisoryListItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": types.WorkspaceAdvisoriesDocument,
    "\n  mutation CreateAdvisory($input: CreateAdvisoryInput!) {\n    createAdvisory(input: $input) {\n      id\n    }\n  }\n": types.CreateAdvisoryDocument,
    "\n  query WorkspaceInvitations($id: ID!) {\n    workspace(id: $id) {\n      id\n      invitations(first: 100) {\n        nodes {\n          id\n          role\n          status\n          createdAt\n          expiresAt\n          expired\n          invitedUser {\n            id\n            displayName\n            email\n            organization {\n              id\n              name\n            }\n          }\n          invitedOrganization {\n            id\n            name\n            kind\n          }\n          invitedBy {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n": types.WorkspaceInvitationsDocument,
    "\n  query InviteOrganizations {\n    organizations(first: 100, filter: { verified: true }) {\n      nodes {\n        id\n        name\n        kind\n        country\n      }\n    }\n  }\n": types.InviteOrganizationsDocument,
    "\n  mutation InviteToWorkspace($input: InviteToWorkspaceInput!) {\n    inviteToWorkspace(input: $input) {\n      id\n    }\n  }\n": types.InviteToWorkspaceDocument,
    "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n": types.RevokeInvitationDocument,
    "\n  fragment WorkspaceMemberItem on WorkspaceMember {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n      email\n      organization {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.WorkspaceMemberItemFragmentDoc,
    "\n  query WorkspaceMembers($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      members(first: 100, after: $after) {\n        nodes {\n          ...WorkspaceMemberItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": types.WorkspaceMembersDocument,
    "\n  subscription WorkspaceMembershipChanged($workspaceId: ID!, $after: String) {\n    membershipChanged(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      role\n      member {\n        id\n      }\n    }\n  }\n": types.WorkspaceMembershipChangedDocument,
    "\n  mutation ChangeMemberRole($workspaceId: ID!, $userId: ID!, $role: WorkspaceRole!) {\n    changeMemberRole(workspaceId: $workspaceId, userId: $userId, role: $role) {\n      ...WorkspaceMemberItem\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($workspaceId: ID!, $userId: ID!) {\n    removeMember(workspaceId: $workspaceId, userId: $userId) {\n      id\n    }\n  }\n": types.RemoveMemberDocument,
    "\n  mutation LeaveWorkspace($id: ID!) {\n    leaveWorkspace(id: $id)\n  }\n": types.LeaveWorkspaceDocument,
    "\n  fragment ThreadListItem on Thread {\n    id\n    title\n    tlp\n    pinned\n    locked\n    lastActivityAt\n    author {\n      ...PersonWithOrganization\n    }\n  }\n": types.ThreadListItemFragmentDoc,
    "\n  query WorkspaceThreads($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      threads(first: 50, after: $after) {\n        nodes {\n          ...ThreadListItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n": types.WorkspaceThreadsDocument,
    "\n  subscription WorkspaceThreadActivity($workspaceId: ID!, $after: String) {\n    threadActivity(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      thread {\n        ...ThreadListItem\n      }\n    }\n  }\n": types.WorkspaceThreadActivityDocument,
    "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      id\n    }\n  }\n": types.CreateThreadDocument,
    "\n  query RecipientCandidates($id: ID!) {\n    workspace(id: $id) {\n      id\n      members(first: 100) {\n        nodes {\n          role\n          user {\n            ...PersonWithOrganization\n          }\n        }\n      }\n    }\n  }\n": types.RecipientCandidatesDocument,
    "\n  fragment WorkspaceSummary on Workspace {\n    id\n    name\n    description\n    defaultTlp\n    archived\n    viewerRole\n    restrictedToKinds\n  }\n": types.WorkspaceSummaryFragmentDoc,
    "\n  fragment AlertItem on Alert {\n    id\n    title\n    summary\n    severity\n    audience\n    regions\n    expiresAt\n    expired\n    issuedAt\n    advisory {\n      id\n      reference\n      title\n    }\n  }\n": types.AlertItemFragmentDoc,
    "\n  query PublicHome($includeExpired: Boolean!) {\n    publicAlerts(first: 50, includeExpired: $includeExpired) {\n      nodes {\n        ...AlertItem\n      }\n    }\n    publishedAdvisories(first: 50) {\n      nodes {\n        ...AdvisoryListItem\n        csafUrl\n        organizationNames\n      }\n    }\n  }\n": types.PublicHomeDocument,
    "\n  query PublicAdvisory($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryReadable\n    }\n  }\n": types.PublicAdvisoryDocument,
    "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      holderName\n      programmeTitle\n      providerName\n      issuedAt\n      expiresAt\n      status\n    }\n  }\n": types.VerifyCertificateDocument,
    "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    kind\n    organization {\n      id\n      name\n      kind\n      verified\n    }\n  }\n": types.SessionUserFragmentDoc,
    "\n  fragment SessionTokens on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      ...SessionUser\n    }\n  }\n": types.SessionTokensFragmentDoc,
    "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password, cookie: true) {\n      ...SessionTokens\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionTokens\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": types.SignOutDocument,
    "\n  fragment ProgrammeCard on Programme {\n    id\n    title\n    description\n    format\n    language\n    audienceKinds\n    certifying\n    status\n    provider {\n      id\n      name\n    }\n  }\n": types.ProgrammeCardFragmentDoc,
    "\n  query Programmes(\n    $after: String\n    $search: String\n    $format: ProgrammeFormat\n    $providerId: ID\n    $language: String\n    $withOpenSeats: Boolean!\n  ) {\n    programmes(\n      first: 20\n      after: $after\n      search: $search\n      format: $format\n      providerId: $providerId\n      language: $language\n      withOpenSeats: $withOpenSeats\n    ) {\n      nodes {\n        ...ProgrammeCard\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": types.ProgrammesDocument,
    "\n  query ProviderChoices {\n    organizations(filter: { verified: true }, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.ProviderChoicesDocument,
    "\n  mutation CreateProgramme($input: CreateProgrammeInput!) {\n    createProgramme(input: $input) {\n      id\n    }\n  }\n": types.CreateProgrammeDocument,
    "\n  fragment ParticipantItem on Enrolment {\n    id\n    status\n    waitingListPosition\n    attended\n    completedAt\n    learner {\n      id\n      displayName\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.ParticipantItemFragmentDoc,
    "\n  fragment SessionItem on TrainingSession {\n    id\n    startsAt\n    endsAt\n    timeZone\n    place\n    onlineLink\n    capacity\n    seatsTaken\n    seatsFree\n    waitingListLength\n    status\n    viewerCanInstruct\n    viewerEnrolment {\n      id\n      status\n      waitingListPosition\n    }\n  }\n": types.SessionItemFragmentDoc,
    "\n  query ProgrammeParticipants($id: ID!) {\n    programme(id: $id) {\n      id\n      sessions(first: 10, includePast: true) {\n        nodes {\n          id\n          participants(first: 30) {\n            nodes {\n              ...ParticipantItem\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ProgrammeParticipantsDocument,
    "\n  query Programme($id: ID!) {\n    programme(id: $id) {\n      id\n      title\n      description\n      descriptionHtml\n      format\n      language\n      audienceKinds\n      certifying\n      certificateValidDays\n      status\n      provider {\n        id\n        name\n      }\n      prerequisites(first: 20) {\n        nodes {\n          id\n          title\n        }\n      }\n      modules(first: 50) {\n        nodes {\n          id\n          position\n          title\n          contentHtml\n          viewerCompleted\n        }\n      }\n      sessions(first: 20, includePast: true) {\n        nodes {\n          ...SessionItem\n        }\n      }\n      viewerCanManage\n      viewerCanEnrol\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n": types.ProgrammeDocument,
    "\n  subscription TrainingUpdated($programmeId: ID!, $after: String) {\n    trainingUpdated(programmeId: $programmeId, after: $after) {\n      cursor\n      programmeId\n    }\n  }\n": types.TrainingUpdatedDocument,
    "\n  mutation Enrol($sessionId: ID!) {\n    enrol(sessionId: $sessionId) {\n      id\n      status\n      waitingListPosition\n    }\n  }\n": types.EnrolDocument,
    "\n  mutation CancelEnrolment($sessionId: ID!) {\n    cancelEnrolment(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n": types.CancelEnrolmentDocument,
    "\n  mutation CompleteModule($id: ID!) {\n    completeModule(id: $id) {\n      id\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n": types.CompleteModuleDocument,
    "\n  mutation UncompleteModule($id: ID!) {\n    uncompleteModule(id: $id) {\n      id\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n": types.UncompleteModuleDocument,
    "\n  mutation UpdateProgramme($id: ID!, $input: UpdateProgrammeInput!) {\n    updateProgramme(id: $id, input: $input) {\n      id\n      title\n      description\n      descriptionHtml\n      language\n      audienceKinds\n      certifying\n      certificateValidDays\n    }\n  }\n": types.UpdateProgrammeDocument,
    "\n  mutation OpenProgramme($id: ID!) {\n    openProgramme(id: $id) {\n      id\n      status\n      viewerCanEnrol\n    }\n  }\n": types.OpenProgrammeDocument,
    "\n  mutation CloseProgramme($id: ID!) {\n    closeProgramme(id: $id) {\n      id\n      status\n      viewerCanEnrol\n    }\n  }\n": types.CloseProgrammeDocument,
    "\n  mutation AddModule($programmeId: ID!, $title: String!, $content: String!) {\n    addModule(programmeId: $programmeId, title: $title, content: $content) {\n      id\n    }\n  }\n": types.AddModuleDocument,
    "\n  mutation RemoveModule($id: ID!) {\n    removeModule(id: $id) {\n      id\n    }\n  }\n": types.RemoveModuleDocument,
    "\n  mutation CreateSession($programmeId: ID!, $input: SessionInput!) {\n    createSession(programmeId: $programmeId, input: $input) {\n      id\n    }\n  }\n": types.CreateSessionDocument,
    "\n  mutation CancelSession($id: ID!) {\n    cancelSession(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelSessionDocument,
    "\n  mutation RecordAttendance($enrolmentId: ID!, $attended: Boolean!) {\n    recordAttendance(enrolmentId: $enrolmentId, attended: $attended) {\n      ...ParticipantItem\n    }\n  }\n": types.RecordAttendanceDocument,
    "\n  mutation CompleteEnrolment($enrolmentId: ID!) {\n    completeEnrolment(enrolmentId: $enrolmentId) {\n      ...ParticipantItem\n    }\n  }\n": types.CompleteEnrolmentDocument,
    "\n  mutation RemoveParticipant($enrolmentId: ID!) {\n    removeParticipant(enrolmentId: $enrolmentId) {\n      ...ParticipantItem\n    }\n  }\n": types.RemoveParticipantDocument,
    "\n  fragment CertificateItem on Certificate {\n    id\n    code\n    programmeId\n    programmeTitle\n    holder {\n      id\n      displayName\n    }\n    issuedAt\n    expiresAt\n    revokedAt\n    revokedReason\n    status\n  }\n": types.CertificateItemFragmentDoc,
    "\n  query ProgrammeCertificates($programmeId: ID!, $after: String) {\n    programmeCertificates(programmeId: $programmeId, first: 50, after: $after) {\n      nodes {\n        ...CertificateItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": types.ProgrammeCertificatesDocument,
    "\n  mutation IssueCertificate($programmeId: ID!, $userId: ID!, $expiresAt: DateTime) {\n    issueCertificate(programmeId: $programmeId, userId: $userId, expiresAt: $expiresAt) {\n      ...CertificateItem\n    }\n  }\n": types.IssueCertificateDocument,
    "\n  mutation RevokeCertificate($id: ID!, $reason: String!) {\n    revokeCertificate(id: $id, reason: $reason) {\n      ...CertificateItem\n    }\n  }\n": types.RevokeCertificateDocument,
    "\n  query MyEnrolments($after: String) {\n    myEnrolments(first: 50, after: $after) {\n      nodes {\n        id\n        status\n        waitingListPosition\n        requestedAt\n        attended\n        completedAt\n        session {\n          id\n          startsAt\n          endsAt\n          timeZone\n          status\n          programme {\n            id\n            title\n            format\n          }\n        }\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": types.MyEnrolmentsDocument,
    "\n  query MyELearning {\n    programmes(first: 50, format: E_LEARNING) {\n      nodes {\n        id\n        title\n        viewerProgress {\n          completedModules\n          totalModules\n          complete\n        }\n      }\n    }\n  }\n": types.MyELearningDocument,
    "\n  query MyCertificates($after: String) {\n    myCertificates(first: 50, after: $after) {\n      nodes {\n        ...CertificateItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n": types.MyCertificatesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonWithOrganization on User {\n    id\n    displayName\n    organization {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment PersonWithOrganization on User {\n    id\n    displayName\n    organization {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PageCursor on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"): (typeof documents)["\n  fragment PageCursor on PageInfo {\n    hasNextPage\n    endCursor\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    read\n    createdAt\n    invitationId\n    programmeId\n    sessionId\n    actor {\n      id\n      displayName\n      organization {\n        id\n        name\n      }\n    }\n    workspace {\n      id\n      name\n    }\n    thread {\n      id\n      title\n      tlp\n    }\n    post {\n      id\n    }\n    advisory {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationItem on Notification {\n    id\n    kind\n    read\n    createdAt\n    invitationId\n    programmeId\n    sessionId\n    actor {\n      id\n      displayName\n      organization {\n        id\n        name\n      }\n    }\n    workspace {\n      id\n      name\n    }\n    thread {\n      id\n      title\n      tlp\n    }\n    post {\n      id\n    }\n    advisory {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationSummary {\n    unreadNotificationCount\n    notifications(first: 8) {\n      nodes {\n        ...NotificationItem\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationSummary {\n    unreadNotificationCount\n    notifications(first: 8) {\n      nodes {\n        ...NotificationItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsPage($unreadOnly: Boolean!, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: 30, after: $after) {\n      nodes {\n        ...NotificationItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationsPage($unreadOnly: Boolean!, $after: String) {\n    notifications(unreadOnly: $unreadOnly, first: 30, after: $after) {\n      nodes {\n        ...NotificationItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationReceived($after: String) {\n    notificationReceived(after: $after) {\n      cursor\n      unreadCount\n      notification {\n        ...NotificationItem\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationReceived($after: String) {\n    notificationReceived(after: $after) {\n      cursor\n      unreadCount\n      notification {\n        ...NotificationItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($includeExpired: Boolean!, $after: String) {\n    alerts(first: 50, after: $after, includeExpired: $includeExpired) {\n      nodes {\n        ...AlertItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Alerts($includeExpired: Boolean!, $after: String) {\n    alerts(first: 50, after: $after, includeExpired: $includeExpired) {\n      nodes {\n        ...AlertItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertIssued($after: String) {\n    alertIssued(after: $after) {\n      cursor\n      alert {\n        ...AlertItem\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AlertIssued($after: String) {\n    alertIssued(after: $after) {\n      cursor\n      alert {\n        ...AlertItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueAlert($input: IssueAlertInput!) {\n    issueAlert(input: $input) {\n      ...AlertItem\n    }\n  }\n"): (typeof documents)["\n  mutation IssueAlert($input: IssueAlertInput!) {\n    issueAlert(input: $input) {\n      ...AlertItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertAdvisoryChoices {\n    publishedAdvisories(first: 50) {\n      nodes {\n        id\n        reference\n        title\n        status\n        audience\n      }\n    }\n  }\n"): (typeof documents)["\n  query AlertAdvisoryChoices {\n    publishedAdvisories(first: 50) {\n      nodes {\n        id\n        reference\n        title\n        status\n        audience\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SearchHitItem on SearchHit {\n    kind\n    rank\n    snippetHtml\n    thread {\n      id\n      title\n      tlp\n      workspace {\n        id\n        name\n      }\n    }\n    post {\n      id\n      createdAt\n      author {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment SearchHitItem on SearchHit {\n    kind\n    rank\n    snippetHtml\n    thread {\n      id\n      title\n      tlp\n      workspace {\n        id\n        name\n      }\n    }\n    post {\n      id\n      createdAt\n      author {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($query: String!, $workspaceId: ID, $after: String) {\n    search(query: $query, workspaceId: $workspaceId, first: 20, after: $after) {\n      nodes {\n        ...SearchHitItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($query: String!, $workspaceId: ID, $after: String) {\n    search(query: $query, workspaceId: $workspaceId, first: 20, after: $after) {\n      nodes {\n        ...SearchHitItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchScopes {\n    workspaces(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query SearchScopes {\n    workspaces(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      ...WorkspaceSummary\n    }\n  }\n"): (typeof documents)["\n  query Workspace($id: ID!) {\n    workspace(id: $id) {\n      ...WorkspaceSummary\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvitationForViewer on Invitation {\n    id\n    role\n    status\n    expiresAt\n    expired\n    workspaceId\n    workspaceName\n    workspaceDescription\n    invitedOrganization {\n      id\n      name\n    }\n    invitedBy {\n      ...PersonWithOrganization\n    }\n  }\n"): (typeof documents)["\n  fragment InvitationForViewer on Invitation {\n    id\n    role\n    status\n    expiresAt\n    expired\n    workspaceId\n    workspaceName\n    workspaceDescription\n    invitedOrganization {\n      id\n      name\n    }\n    invitedBy {\n      ...PersonWithOrganization\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspacesPage($after: String) {\n    workspaces(first: 50, after: $after) {\n      nodes {\n        ...WorkspaceSummary\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n    invitations(first: 50) {\n      nodes {\n        ...InvitationForViewer\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspacesPage($after: String) {\n    workspaces(first: 50, after: $after) {\n      nodes {\n        ...WorkspaceSummary\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n    invitations(first: 50) {\n      nodes {\n        ...InvitationForViewer\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateWorkspace($input: CreateWorkspaceInput!) {\n    createWorkspace(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptInvitation($id: ID!) {\n    acceptInvitation(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation DeclineInvitation($id: ID!) {\n    declineInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    revokedAt\n    active\n    serviceAccount {\n      ...PersonWithOrganization\n    }\n  }\n"): (typeof documents)["\n  fragment ApiTokenRow on ApiToken {\n    id\n    name\n    prefix\n    scopes\n    createdAt\n    expiresAt\n    revokedAt\n    active\n    serviceAccount {\n      ...PersonWithOrganization\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokensAdmin($after: String) {\n    apiTokens(first: 100, after: $after) {\n      nodes {\n        ...ApiTokenRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ApiTokensAdmin($after: String) {\n    apiTokens(first: 100, after: $after) {\n      nodes {\n        ...ApiTokenRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ServiceAccountChoices {\n    users(first: 100, filter: { kind: SERVICE, status: ACTIVE }) {\n      nodes {\n        ...PersonWithOrganization\n      }\n    }\n  }\n"): (typeof documents)["\n  query ServiceAccountChoices {\n    users(first: 100, filter: { kind: SERVICE, status: ACTIVE }) {\n      nodes {\n        ...PersonWithOrganization\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateApiToken($input: CreateApiTokenInput!) {\n    createApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenRow\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!) {\n    revokeApiToken(id: $id) {\n      ...ApiTokenRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OrganizationRow on Organization {\n    id\n    name\n    kind\n    country\n    verified\n    createdAt\n  }\n"): (typeof documents)["\n  fragment OrganizationRow on Organization {\n    id\n    name\n    kind\n    country\n    verified\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationsAdmin($filter: OrganizationFilter, $after: String) {\n    organizations(first: 100, filter: $filter, after: $after) {\n      nodes {\n        ...OrganizationRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationsAdmin($filter: OrganizationFilter, $after: String) {\n    organizations(first: 100, filter: $filter, after: $after) {\n      nodes {\n        ...OrganizationRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: CreateOrganizationInput!) {\n    createOrganization(input: $input) {\n      ...OrganizationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyOrganization($id: ID!, $verified: Boolean!) {\n    verifyOrganization(id: $id, verified: $verified) {\n      ...OrganizationRow\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyOrganization($id: ID!, $verified: Boolean!) {\n    verifyOrganization(id: $id, verified: $verified) {\n      ...OrganizationRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    email\n    displayName\n    role\n    status\n    kind\n    createdAt\n    organization {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    email\n    displayName\n    role\n    status\n    kind\n    createdAt\n    organization {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersAdmin($filter: UserFilter, $after: String) {\n    users(first: 100, filter: $filter, after: $after) {\n      nodes {\n        ...UserRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query UsersAdmin($filter: UserFilter, $after: String) {\n    users(first: 100, filter: $filter, after: $after) {\n      nodes {\n        ...UserRow\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation CreateServiceAccount($input: CreateServiceAccountInput!) {\n    createServiceAccount(input: $input) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendUser($id: ID!) {\n    suspendUser(id: $id) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendUser($id: ID!) {\n    suspendUser(id: $id) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivateUser($id: ID!) {\n    reactivateUser(id: $id) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationChoices {\n    organizations(first: 100) {\n      nodes {\n        id\n        name\n        verified\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationChoices {\n    organizations(first: 100) {\n      nodes {\n        id\n        name\n        verified\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdvisoryListItem on Advisory {\n    id\n    title\n    status\n    tlp\n    severity\n    revision\n    reference\n    audience\n    updatedAt\n    publishedAt\n    withdrawnAt\n  }\n"): (typeof documents)["\n  fragment AdvisoryListItem on Advisory {\n    id\n    title\n    status\n    tlp\n    severity\n    revision\n    reference\n    audience\n    updatedAt\n    publishedAt\n    withdrawnAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdvisoryRevisionContent on AdvisoryRevision {\n    number\n    createdAt\n    author {\n      ...PersonWithOrganization\n    }\n    title\n    summary\n    body\n    severity\n    cvssVector\n    cvssScore\n    tlp\n    cves\n    affectedProducts {\n      vendor\n      product\n      versions\n    }\n    indicatorCount\n    indicators(first: 100) {\n      nodes {\n        kind\n        value\n      }\n    }\n    recommendations\n    references\n    credits\n  }\n"): (typeof documents)["\n  fragment AdvisoryRevisionContent on AdvisoryRevision {\n    number\n    createdAt\n    author {\n      ...PersonWithOrganization\n    }\n    title\n    summary\n    body\n    severity\n    cvssVector\n    cvssScore\n    tlp\n    cves\n    affectedProducts {\n      vendor\n      product\n      versions\n    }\n    indicatorCount\n    indicators(first: 100) {\n      nodes {\n        kind\n        value\n      }\n    }\n    recommendations\n    references\n    credits\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdvisoryReadable on Advisory {\n    id\n    reference\n    status\n    title\n    tlp\n    severity\n    revision\n    audience\n    publishedAt\n    withdrawnAt\n    withdrawnReason\n    updatedAt\n    csafUrl\n    organizationNames\n    current {\n      number\n      summary\n      bodyHtml\n      cvssVector\n      cvssScore\n      cves\n      affectedProducts {\n        vendor\n        product\n        versions\n      }\n      indicatorCount\n      indicators(first: 100) {\n        nodes {\n          kind\n          value\n        }\n      }\n      recommendations\n      recommendationsHtml\n      references\n      credits\n    }\n  }\n"): (typeof documents)["\n  fragment AdvisoryReadable on Advisory {\n    id\n    reference\n    status\n    title\n    tlp\n    severity\n    revision\n    audience\n    publishedAt\n    withdrawnAt\n    withdrawnReason\n    updatedAt\n    csafUrl\n    organizationNames\n    current {\n      number\n      summary\n      bodyHtml\n      cvssVector\n      cvssScore\n      cves\n      affectedProducts {\n        vendor\n        product\n        versions\n      }\n      indicatorCount\n      indicators(first: 100) {\n        nodes {\n          kind\n          value\n        }\n      }\n      recommendations\n      recommendationsHtml\n      references\n      credits\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdvisoryWorkflow on Advisory {\n    id\n    reference\n    status\n    title\n    tlp\n    severity\n    revision\n    audience\n    publishedAt\n    withdrawnAt\n    withdrawnReason\n    updatedAt\n    viewerCanEdit\n    viewerCanManageAuthors\n    viewerCanComment\n    viewerCanSignOff\n    viewerCanPublish\n    viewerCanWithdraw\n    workspace {\n      id\n      name\n      viewerRole\n    }\n    authors(first: 50) {\n      nodes {\n        lead\n        addedAt\n        user {\n          ...PersonWithOrganization\n        }\n        organization {\n          id\n          name\n        }\n      }\n    }\n    signOffs(first: 50) {\n      nodes {\n        revision\n        signed\n        signedAt\n        organization {\n          id\n          name\n        }\n        signedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AdvisoryWorkflow on Advisory {\n    id\n    reference\n    status\n    title\n    tlp\n    severity\n    revision\n    audience\n    publishedAt\n    withdrawnAt\n    withdrawnReason\n    updatedAt\n    viewerCanEdit\n    viewerCanManageAuthors\n    viewerCanComment\n    viewerCanSignOff\n    viewerCanPublish\n    viewerCanWithdraw\n    workspace {\n      id\n      name\n      viewerRole\n    }\n    authors(first: 50) {\n      nodes {\n        lead\n        addedAt\n        user {\n          ...PersonWithOrganization\n        }\n        organization {\n          id\n          name\n        }\n      }\n    }\n    signOffs(first: 50) {\n      nodes {\n        revision\n        signed\n        signedAt\n        organization {\n          id\n          name\n        }\n        signedBy {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdvisoryPage($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryWorkflow\n      ...AdvisoryReadable\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdvisoryPage($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryWorkflow\n      ...AdvisoryReadable\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdvisoryCurrent($id: ID!) {\n    advisory(id: $id) {\n      id\n      revision\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdvisoryCurrent($id: ID!) {\n    advisory(id: $id) {\n      id\n      revision\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AdvisoryUpdated($id: ID!, $after: String) {\n    advisoryUpdated(id: $id, after: $after) {\n      cursor\n      kind\n      actor {\n        ...PersonWithOrganization\n      }\n      advisory {\n        id\n        revision\n        status\n        reference\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AdvisoryUpdated($id: ID!, $after: String) {\n    advisoryUpdated(id: $id, after: $after) {\n      cursor\n      kind\n      actor {\n        ...PersonWithOrganization\n      }\n      advisory {\n        id\n        revision\n        status\n        reference\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveAdvisory($id: ID!, $expectedRevision: Int!, $changes: AdvisoryChangesInput!) {\n    saveAdvisory(id: $id, expectedRevision: $expectedRevision, changes: $changes) {\n      id\n      revision\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveAdvisory($id: ID!, $expectedRevision: Int!, $changes: AdvisoryChangesInput!) {\n    saveAdvisory(id: $id, expectedRevision: $expectedRevision, changes: $changes) {\n      id\n      revision\n      current {\n        ...AdvisoryRevisionContent\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddIndicators($id: ID!, $expectedRevision: Int!, $text: String!) {\n    addIndicators(id: $id, expectedRevision: $expectedRevision, text: $text) {\n      accepted\n      duplicates\n      rejected\n      lines {\n        line\n        input\n        outcome\n        reason\n        indicator {\n          kind\n          value\n        }\n      }\n      advisory {\n        id\n        revision\n        current {\n          ...AdvisoryRevisionContent\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddIndicators($id: ID!, $expectedRevision: Int!, $text: String!) {\n    addIndicators(id: $id, expectedRevision: $expectedRevision, text: $text) {\n      accepted\n      duplicates\n      rejected\n      lines {\n        line\n        input\n        outcome\n        reason\n        indicator {\n          kind\n          value\n        }\n      }\n      advisory {\n        id\n        revision\n        current {\n          ...AdvisoryRevisionContent\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitForReview($id: ID!) {\n    submitForReview(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitForReview($id: ID!) {\n    submitForReview(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOff($id: ID!, $revision: Int!) {\n    signOff(id: $id, revision: $revision) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SignOff($id: ID!, $revision: Int!) {\n    signOff(id: $id, revision: $revision) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishAdvisory($id: ID!, $audience: Audience!) {\n    publishAdvisory(id: $id, audience: $audience) {\n      id\n      status\n      reference\n    }\n  }\n"): (typeof documents)["\n  mutation PublishAdvisory($id: ID!, $audience: Audience!) {\n    publishAdvisory(id: $id, audience: $audience) {\n      id\n      status\n      reference\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawAdvisory($id: ID!, $reason: String!) {\n    withdrawAdvisory(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawAdvisory($id: ID!, $reason: String!) {\n    withdrawAdvisory(id: $id, reason: $reason) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCoAuthor($advisoryId: ID!, $userId: ID!) {\n    addCoAuthor(advisoryId: $advisoryId, userId: $userId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddCoAuthor($advisoryId: ID!, $userId: ID!) {\n    addCoAuthor(advisoryId: $advisoryId, userId: $userId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCoAuthor($advisoryId: ID!, $userId: ID!) {\n    removeCoAuthor(advisoryId: $advisoryId, userId: $userId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveCoAuthor($advisoryId: ID!, $userId: ID!) {\n    removeCoAuthor(advisoryId: $advisoryId, userId: $userId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoAuthorCandidates($id: ID!) {\n    workspace(id: $id) {\n      id\n      members(first: 100) {\n        nodes {\n          role\n          user {\n            ...PersonWithOrganization\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CoAuthorCandidates($id: ID!) {\n    workspace(id: $id) {\n      id\n      members(first: 100) {\n        nodes {\n          role\n          user {\n            ...PersonWithOrganization\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewCommentItem on ReviewComment {\n    id\n    revision\n    field\n    body\n    createdAt\n    resolved\n    resolvedAt\n    author {\n      ...PersonWithOrganization\n    }\n    resolvedBy {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewCommentItem on ReviewComment {\n    id\n    revision\n    field\n    body\n    createdAt\n    resolved\n    resolvedAt\n    author {\n      ...PersonWithOrganization\n    }\n    resolvedBy {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdvisoryComments($id: ID!, $includeResolved: Boolean!, $after: String) {\n    advisory(id: $id) {\n      id\n      comments(first: 50, after: $after, includeResolved: $includeResolved) {\n        nodes {\n          ...ReviewCommentItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdvisoryComments($id: ID!, $includeResolved: Boolean!, $after: String) {\n    advisory(id: $id) {\n      id\n      comments(first: 50, after: $after, includeResolved: $includeResolved) {\n        nodes {\n          ...ReviewCommentItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddReviewComment($advisoryId: ID!, $revision: Int!, $field: String!, $body: String!) {\n    addReviewComment(advisoryId: $advisoryId, revision: $revision, field: $field, body: $body) {\n      comment {\n        ...ReviewCommentItem\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddReviewComment($advisoryId: ID!, $revision: Int!, $field: String!, $body: String!) {\n    addReviewComment(advisoryId: $advisoryId, revision: $revision, field: $field, body: $body) {\n      comment {\n        ...ReviewCommentItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveReviewComment($id: ID!, $resolved: Boolean!) {\n    resolveReviewComment(id: $id, resolved: $resolved) {\n      comment {\n        ...ReviewCommentItem\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveReviewComment($id: ID!, $resolved: Boolean!) {\n    resolveReviewComment(id: $id, resolved: $resolved) {\n      comment {\n        ...ReviewCommentItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdvisoryRevisions($id: ID!, $after: String) {\n    advisory(id: $id) {\n      id\n      revisions(first: 50, after: $after) {\n        nodes {\n          number\n          createdAt\n          title\n          author {\n            ...PersonWithOrganization\n          }\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdvisoryRevisions($id: ID!, $after: String) {\n    advisory(id: $id) {\n      id\n      revisions(first: 50, after: $after) {\n        nodes {\n          number\n          createdAt\n          title\n          author {\n            ...PersonWithOrganization\n          }\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdvisoryDiff($id: ID!, $from: Int!, $to: Int!) {\n    advisoryDiff(id: $id, from: $from, to: $to) {\n      from\n      to\n      bodyComplete\n      fields {\n        field\n        before\n        after\n      }\n      body {\n        change\n        text\n      }\n    }\n  }\n"): (typeof documents)["\n  query AdvisoryDiff($id: ID!, $from: Int!, $to: Int!) {\n    advisoryDiff(id: $id, from: $from, to: $to) {\n      from\n      to\n      bodyComplete\n      fields {\n        field\n        before\n        after\n      }\n      body {\n        change\n        text\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdvisoryCsaf($id: ID!) {\n    advisoryCsaf(id: $id)\n  }\n"): (typeof documents)["\n  query AdvisoryCsaf($id: ID!) {\n    advisoryCsaf(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AdvisoryStix($id: ID!) {\n    advisoryStix(id: $id)\n  }\n"): (typeof documents)["\n  query AdvisoryStix($id: ID!) {\n    advisoryStix(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PostItem on Post {\n    id\n    body\n    bodyHtml\n    version\n    createdAt\n    editedAt\n    removed\n    removedAt\n    removedBy {\n      id\n      displayName\n    }\n    author {\n      ...PersonWithOrganization\n    }\n    replyTo {\n      id\n      author {\n        id\n        displayName\n      }\n    }\n    reactions {\n      reaction\n      count\n      viewerReacted\n    }\n    viewerCanEdit\n  }\n"): (typeof documents)["\n  fragment PostItem on Post {\n    id\n    body\n    bodyHtml\n    version\n    createdAt\n    editedAt\n    removed\n    removedAt\n    removedBy {\n      id\n      displayName\n    }\n    author {\n      ...PersonWithOrganization\n    }\n    replyTo {\n      id\n      author {\n        id\n        displayName\n      }\n    }\n    reactions {\n      reaction\n      count\n      viewerReacted\n    }\n    viewerCanEdit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThreadHeader on Thread {\n    id\n    title\n    tlp\n    pinned\n    locked\n    createdAt\n    viewerCanPost\n    viewerCanModerate\n    author {\n      ...PersonWithOrganization\n    }\n    workspace {\n      id\n      name\n      defaultTlp\n      viewerRole\n      archived\n    }\n    recipients(first: 50) {\n      nodes {\n        ...PersonWithOrganization\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ThreadHeader on Thread {\n    id\n    title\n    tlp\n    pinned\n    locked\n    createdAt\n    viewerCanPost\n    viewerCanModerate\n    author {\n      ...PersonWithOrganization\n    }\n    workspace {\n      id\n      name\n      defaultTlp\n      viewerRole\n      archived\n    }\n    recipients(first: 50) {\n      nodes {\n        ...PersonWithOrganization\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      ...ThreadHeader\n      posts(first: 50, after: $after) {\n        nodes {\n          ...PostItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ThreadPage($id: ID!, $after: String) {\n    thread(id: $id) {\n      ...ThreadHeader\n      posts(first: 50, after: $after) {\n        nodes {\n          ...PostItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ThreadPostAdded($threadId: ID!, $after: String) {\n    postAdded(threadId: $threadId, after: $after) {\n      cursor\n      post {\n        ...PostItem\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ThreadPostAdded($threadId: ID!, $after: String) {\n    postAdded(threadId: $threadId, after: $after) {\n      cursor\n      post {\n        ...PostItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ThreadPageActivity($workspaceId: ID!, $after: String) {\n    threadActivity(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      thread {\n        id\n        title\n        tlp\n        pinned\n        locked\n        viewerCanPost\n        viewerCanModerate\n      }\n      post {\n        ...PostItem\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ThreadPageActivity($workspaceId: ID!, $after: String) {\n    threadActivity(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      thread {\n        id\n        title\n        tlp\n        pinned\n        locked\n        viewerCanPost\n        viewerCanModerate\n      }\n      post {\n        ...PostItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      ...PostItem\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePost($input: CreatePostInput!) {\n    createPost(input: $input) {\n      ...PostItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditPost($id: ID!, $body: String!) {\n    editPost(id: $id, body: $body) {\n      ...PostItem\n    }\n  }\n"): (typeof documents)["\n  mutation EditPost($id: ID!, $body: String!) {\n    editPost(id: $id, body: $body) {\n      ...PostItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePost($id: ID!, $reason: String) {\n    removePost(id: $id, reason: $reason) {\n      ...PostItem\n    }\n  }\n"): (typeof documents)["\n  mutation RemovePost($id: ID!, $reason: String) {\n    removePost(id: $id, reason: $reason) {\n      ...PostItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation React($postId: ID!, $reaction: Reaction!) {\n    react(postId: $postId, reaction: $reaction) {\n      ...PostItem\n    }\n  }\n"): (typeof documents)["\n  mutation React($postId: ID!, $reaction: Reaction!) {\n    react(postId: $postId, reaction: $reaction) {\n      ...PostItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Unreact($postId: ID!, $reaction: Reaction!) {\n    unreact(postId: $postId, reaction: $reaction) {\n      ...PostItem\n    }\n  }\n"): (typeof documents)["\n  mutation Unreact($postId: ID!, $reaction: Reaction!) {\n    unreact(postId: $postId, reaction: $reaction) {\n      ...PostItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PinThread($id: ID!, $pinned: Boolean!) {\n    pinThread(id: $id, pinned: $pinned) {\n      id\n      pinned\n    }\n  }\n"): (typeof documents)["\n  mutation PinThread($id: ID!, $pinned: Boolean!) {\n    pinThread(id: $id, pinned: $pinned) {\n      id\n      pinned\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockThread($id: ID!, $locked: Boolean!) {\n    lockThread(id: $id, locked: $locked) {\n      id\n      locked\n      viewerCanPost\n    }\n  }\n"): (typeof documents)["\n  mutation LockThread($id: ID!, $locked: Boolean!) {\n    lockThread(id: $id, locked: $locked) {\n      id\n      locked\n      viewerCanPost\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceAdvisories($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      advisories(first: 50, after: $after) {\n        nodes {\n          ...AdvisoryListItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceAdvisories($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      advisories(first: 50, after: $after) {\n        nodes {\n          ...AdvisoryListItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAdvisory($input: CreateAdvisoryInput!) {\n    createAdvisory(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAdvisory($input: CreateAdvisoryInput!) {\n    createAdvisory(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceInvitations($id: ID!) {\n    workspace(id: $id) {\n      id\n      invitations(first: 100) {\n        nodes {\n          id\n          role\n          status\n          createdAt\n          expiresAt\n          expired\n          invitedUser {\n            id\n            displayName\n            email\n            organization {\n              id\n              name\n            }\n          }\n          invitedOrganization {\n            id\n            name\n            kind\n          }\n          invitedBy {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceInvitations($id: ID!) {\n    workspace(id: $id) {\n      id\n      invitations(first: 100) {\n        nodes {\n          id\n          role\n          status\n          createdAt\n          expiresAt\n          expired\n          invitedUser {\n            id\n            displayName\n            email\n            organization {\n              id\n              name\n            }\n          }\n          invitedOrganization {\n            id\n            name\n            kind\n          }\n          invitedBy {\n            id\n            displayName\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InviteOrganizations {\n    organizations(first: 100, filter: { verified: true }) {\n      nodes {\n        id\n        name\n        kind\n        country\n      }\n    }\n  }\n"): (typeof documents)["\n  query InviteOrganizations {\n    organizations(first: 100, filter: { verified: true }) {\n      nodes {\n        id\n        name\n        kind\n        country\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteToWorkspace($input: InviteToWorkspaceInput!) {\n    inviteToWorkspace(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation InviteToWorkspace($input: InviteToWorkspaceInput!) {\n    inviteToWorkspace(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeInvitation($id: ID!) {\n    revokeInvitation(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceMemberItem on WorkspaceMember {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n      email\n      organization {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment WorkspaceMemberItem on WorkspaceMember {\n    role\n    joinedAt\n    user {\n      id\n      displayName\n      email\n      organization {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceMembers($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      members(first: 100, after: $after) {\n        nodes {\n          ...WorkspaceMemberItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceMembers($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      members(first: 100, after: $after) {\n        nodes {\n          ...WorkspaceMemberItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WorkspaceMembershipChanged($workspaceId: ID!, $after: String) {\n    membershipChanged(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      role\n      member {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WorkspaceMembershipChanged($workspaceId: ID!, $after: String) {\n    membershipChanged(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      role\n      member {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($workspaceId: ID!, $userId: ID!, $role: WorkspaceRole!) {\n    changeMemberRole(workspaceId: $workspaceId, userId: $userId, role: $role) {\n      ...WorkspaceMemberItem\n    }\n  }\n"): (typeof documents)["\n  mutation ChangeMemberRole($workspaceId: ID!, $userId: ID!, $role: WorkspaceRole!) {\n    changeMemberRole(workspaceId: $workspaceId, userId: $userId, role: $role) {\n      ...WorkspaceMemberItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($workspaceId: ID!, $userId: ID!) {\n    removeMember(workspaceId: $workspaceId, userId: $userId) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveMember($workspaceId: ID!, $userId: ID!) {\n    removeMember(workspaceId: $workspaceId, userId: $userId) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveWorkspace($id: ID!) {\n    leaveWorkspace(id: $id)\n  }\n"): (typeof documents)["\n  mutation LeaveWorkspace($id: ID!) {\n    leaveWorkspace(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ThreadListItem on Thread {\n    id\n    title\n    tlp\n    pinned\n    locked\n    lastActivityAt\n    author {\n      ...PersonWithOrganization\n    }\n  }\n"): (typeof documents)["\n  fragment ThreadListItem on Thread {\n    id\n    title\n    tlp\n    pinned\n    locked\n    lastActivityAt\n    author {\n      ...PersonWithOrganization\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkspaceThreads($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      threads(first: 50, after: $after) {\n        nodes {\n          ...ThreadListItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkspaceThreads($id: ID!, $after: String) {\n    workspace(id: $id) {\n      id\n      threads(first: 50, after: $after) {\n        nodes {\n          ...ThreadListItem\n        }\n        pageInfo {\n          ...PageCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WorkspaceThreadActivity($workspaceId: ID!, $after: String) {\n    threadActivity(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      thread {\n        ...ThreadListItem\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription WorkspaceThreadActivity($workspaceId: ID!, $after: String) {\n    threadActivity(workspaceId: $workspaceId, after: $after) {\n      cursor\n      kind\n      thread {\n        ...ThreadListItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateThread($input: CreateThreadInput!) {\n    createThread(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecipientCandidates($id: ID!) {\n    workspace(id: $id) {\n      id\n      members(first: 100) {\n        nodes {\n          role\n          user {\n            ...PersonWithOrganization\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RecipientCandidates($id: ID!) {\n    workspace(id: $id) {\n      id\n      members(first: 100) {\n        nodes {\n          role\n          user {\n            ...PersonWithOrganization\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WorkspaceSummary on Workspace {\n    id\n    name\n    description\n    defaultTlp\n    archived\n    viewerRole\n    restrictedToKinds\n  }\n"): (typeof documents)["\n  fragment WorkspaceSummary on Workspace {\n    id\n    name\n    description\n    defaultTlp\n    archived\n    viewerRole\n    restrictedToKinds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertItem on Alert {\n    id\n    title\n    summary\n    severity\n    audience\n    regions\n    expiresAt\n    expired\n    issuedAt\n    advisory {\n      id\n      reference\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment AlertItem on Alert {\n    id\n    title\n    summary\n    severity\n    audience\n    regions\n    expiresAt\n    expired\n    issuedAt\n    advisory {\n      id\n      reference\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicHome($includeExpired: Boolean!) {\n    publicAlerts(first: 50, includeExpired: $includeExpired) {\n      nodes {\n        ...AlertItem\n      }\n    }\n    publishedAdvisories(first: 50) {\n      nodes {\n        ...AdvisoryListItem\n        csafUrl\n        organizationNames\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublicHome($includeExpired: Boolean!) {\n    publicAlerts(first: 50, includeExpired: $includeExpired) {\n      nodes {\n        ...AlertItem\n      }\n    }\n    publishedAdvisories(first: 50) {\n      nodes {\n        ...AdvisoryListItem\n        csafUrl\n        organizationNames\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicAdvisory($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryReadable\n    }\n  }\n"): (typeof documents)["\n  query PublicAdvisory($id: ID!) {\n    advisory(id: $id) {\n      ...AdvisoryReadable\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      holderName\n      programmeTitle\n      providerName\n      issuedAt\n      expiresAt\n      status\n    }\n  }\n"): (typeof documents)["\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) {\n      holderName\n      programmeTitle\n      providerName\n      issuedAt\n      expiresAt\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    kind\n    organization {\n      id\n      name\n      kind\n      verified\n    }\n  }\n"): (typeof documents)["\n  fragment SessionUser on User {\n    id\n    email\n    displayName\n    role\n    kind\n    organization {\n      id\n      name\n      kind\n      verified\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionTokens on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      ...SessionUser\n    }\n  }\n"): (typeof documents)["\n  fragment SessionTokens on AuthPayload {\n    accessToken\n    accessTokenExpiresAt\n    user {\n      ...SessionUser\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password, cookie: true) {\n      ...SessionTokens\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    login(email: $email, password: $password, cookie: true) {\n      ...SessionTokens\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionTokens\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      ...SessionTokens\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    logout\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProgrammeCard on Programme {\n    id\n    title\n    description\n    format\n    language\n    audienceKinds\n    certifying\n    status\n    provider {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment ProgrammeCard on Programme {\n    id\n    title\n    description\n    format\n    language\n    audienceKinds\n    certifying\n    status\n    provider {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programmes(\n    $after: String\n    $search: String\n    $format: ProgrammeFormat\n    $providerId: ID\n    $language: String\n    $withOpenSeats: Boolean!\n  ) {\n    programmes(\n      first: 20\n      after: $after\n      search: $search\n      format: $format\n      providerId: $providerId\n      language: $language\n      withOpenSeats: $withOpenSeats\n    ) {\n      nodes {\n        ...ProgrammeCard\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Programmes(\n    $after: String\n    $search: String\n    $format: ProgrammeFormat\n    $providerId: ID\n    $language: String\n    $withOpenSeats: Boolean!\n  ) {\n    programmes(\n      first: 20\n      after: $after\n      search: $search\n      format: $format\n      providerId: $providerId\n      language: $language\n      withOpenSeats: $withOpenSeats\n    ) {\n      nodes {\n        ...ProgrammeCard\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProviderChoices {\n    organizations(filter: { verified: true }, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProviderChoices {\n    organizations(filter: { verified: true }, first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProgramme($input: CreateProgrammeInput!) {\n    createProgramme(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProgramme($input: CreateProgrammeInput!) {\n    createProgramme(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ParticipantItem on Enrolment {\n    id\n    status\n    waitingListPosition\n    attended\n    completedAt\n    learner {\n      id\n      displayName\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ParticipantItem on Enrolment {\n    id\n    status\n    waitingListPosition\n    attended\n    completedAt\n    learner {\n      id\n      displayName\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionItem on TrainingSession {\n    id\n    startsAt\n    endsAt\n    timeZone\n    place\n    onlineLink\n    capacity\n    seatsTaken\n    seatsFree\n    waitingListLength\n    status\n    viewerCanInstruct\n    viewerEnrolment {\n      id\n      status\n      waitingListPosition\n    }\n  }\n"): (typeof documents)["\n  fragment SessionItem on TrainingSession {\n    id\n    startsAt\n    endsAt\n    timeZone\n    place\n    onlineLink\n    capacity\n    seatsTaken\n    seatsFree\n    waitingListLength\n    status\n    viewerCanInstruct\n    viewerEnrolment {\n      id\n      status\n      waitingListPosition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammeParticipants($id: ID!) {\n    programme(id: $id) {\n      id\n      sessions(first: 10, includePast: true) {\n        nodes {\n          id\n          participants(first: 30) {\n            nodes {\n              ...ParticipantItem\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgrammeParticipants($id: ID!) {\n    programme(id: $id) {\n      id\n      sessions(first: 10, includePast: true) {\n        nodes {\n          id\n          participants(first: 30) {\n            nodes {\n              ...ParticipantItem\n            }\n            pageInfo {\n              hasNextPage\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programme($id: ID!) {\n    programme(id: $id) {\n      id\n      title\n      description\n      descriptionHtml\n      format\n      language\n      audienceKinds\n      certifying\n      certificateValidDays\n      status\n      provider {\n        id\n        name\n      }\n      prerequisites(first: 20) {\n        nodes {\n          id\n          title\n        }\n      }\n      modules(first: 50) {\n        nodes {\n          id\n          position\n          title\n          contentHtml\n          viewerCompleted\n        }\n      }\n      sessions(first: 20, includePast: true) {\n        nodes {\n          ...SessionItem\n        }\n      }\n      viewerCanManage\n      viewerCanEnrol\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n"): (typeof documents)["\n  query Programme($id: ID!) {\n    programme(id: $id) {\n      id\n      title\n      description\n      descriptionHtml\n      format\n      language\n      audienceKinds\n      certifying\n      certificateValidDays\n      status\n      provider {\n        id\n        name\n      }\n      prerequisites(first: 20) {\n        nodes {\n          id\n          title\n        }\n      }\n      modules(first: 50) {\n        nodes {\n          id\n          position\n          title\n          contentHtml\n          viewerCompleted\n        }\n      }\n      sessions(first: 20, includePast: true) {\n        nodes {\n          ...SessionItem\n        }\n      }\n      viewerCanManage\n      viewerCanEnrol\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TrainingUpdated($programmeId: ID!, $after: String) {\n    trainingUpdated(programmeId: $programmeId, after: $after) {\n      cursor\n      programmeId\n    }\n  }\n"): (typeof documents)["\n  subscription TrainingUpdated($programmeId: ID!, $after: String) {\n    trainingUpdated(programmeId: $programmeId, after: $after) {\n      cursor\n      programmeId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Enrol($sessionId: ID!) {\n    enrol(sessionId: $sessionId) {\n      id\n      status\n      waitingListPosition\n    }\n  }\n"): (typeof documents)["\n  mutation Enrol($sessionId: ID!) {\n    enrol(sessionId: $sessionId) {\n      id\n      status\n      waitingListPosition\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelEnrolment($sessionId: ID!) {\n    cancelEnrolment(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelEnrolment($sessionId: ID!) {\n    cancelEnrolment(sessionId: $sessionId) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteModule($id: ID!) {\n    completeModule(id: $id) {\n      id\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteModule($id: ID!) {\n    completeModule(id: $id) {\n      id\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UncompleteModule($id: ID!) {\n    uncompleteModule(id: $id) {\n      id\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UncompleteModule($id: ID!) {\n    uncompleteModule(id: $id) {\n      id\n      viewerProgress {\n        completedModules\n        totalModules\n        complete\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProgramme($id: ID!, $input: UpdateProgrammeInput!) {\n    updateProgramme(id: $id, input: $input) {\n      id\n      title\n      description\n      descriptionHtml\n      language\n      audienceKinds\n      certifying\n      certificateValidDays\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProgramme($id: ID!, $input: UpdateProgrammeInput!) {\n    updateProgramme(id: $id, input: $input) {\n      id\n      title\n      description\n      descriptionHtml\n      language\n      audienceKinds\n      certifying\n      certificateValidDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenProgramme($id: ID!) {\n    openProgramme(id: $id) {\n      id\n      status\n      viewerCanEnrol\n    }\n  }\n"): (typeof documents)["\n  mutation OpenProgramme($id: ID!) {\n    openProgramme(id: $id) {\n      id\n      status\n      viewerCanEnrol\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseProgramme($id: ID!) {\n    closeProgramme(id: $id) {\n      id\n      status\n      viewerCanEnrol\n    }\n  }\n"): (typeof documents)["\n  mutation CloseProgramme($id: ID!) {\n    closeProgramme(id: $id) {\n      id\n      status\n      viewerCanEnrol\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddModule($programmeId: ID!, $title: String!, $content: String!) {\n    addModule(programmeId: $programmeId, title: $title, content: $content) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation AddModule($programmeId: ID!, $title: String!, $content: String!) {\n    addModule(programmeId: $programmeId, title: $title, content: $content) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveModule($id: ID!) {\n    removeModule(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveModule($id: ID!) {\n    removeModule(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSession($programmeId: ID!, $input: SessionInput!) {\n    createSession(programmeId: $programmeId, input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSession($programmeId: ID!, $input: SessionInput!) {\n    createSession(programmeId: $programmeId, input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSession($id: ID!) {\n    cancelSession(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelSession($id: ID!) {\n    cancelSession(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordAttendance($enrolmentId: ID!, $attended: Boolean!) {\n    recordAttendance(enrolmentId: $enrolmentId, attended: $attended) {\n      ...ParticipantItem\n    }\n  }\n"): (typeof documents)["\n  mutation RecordAttendance($enrolmentId: ID!, $attended: Boolean!) {\n    recordAttendance(enrolmentId: $enrolmentId, attended: $attended) {\n      ...ParticipantItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteEnrolment($enrolmentId: ID!) {\n    completeEnrolment(enrolmentId: $enrolmentId) {\n      ...ParticipantItem\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteEnrolment($enrolmentId: ID!) {\n    completeEnrolment(enrolmentId: $enrolmentId) {\n      ...ParticipantItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveParticipant($enrolmentId: ID!) {\n    removeParticipant(enrolmentId: $enrolmentId) {\n      ...ParticipantItem\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveParticipant($enrolmentId: ID!) {\n    removeParticipant(enrolmentId: $enrolmentId) {\n      ...ParticipantItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CertificateItem on Certificate {\n    id\n    code\n    programmeId\n    programmeTitle\n    holder {\n      id\n      displayName\n    }\n    issuedAt\n    expiresAt\n    revokedAt\n    revokedReason\n    status\n  }\n"): (typeof documents)["\n  fragment CertificateItem on Certificate {\n    id\n    code\n    programmeId\n    programmeTitle\n    holder {\n      id\n      displayName\n    }\n    issuedAt\n    expiresAt\n    revokedAt\n    revokedReason\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammeCertificates($programmeId: ID!, $after: String) {\n    programmeCertificates(programmeId: $programmeId, first: 50, after: $after) {\n      nodes {\n        ...CertificateItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProgrammeCertificates($programmeId: ID!, $after: String) {\n    programmeCertificates(programmeId: $programmeId, first: 50, after: $after) {\n      nodes {\n        ...CertificateItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueCertificate($programmeId: ID!, $userId: ID!, $expiresAt: DateTime) {\n    issueCertificate(programmeId: $programmeId, userId: $userId, expiresAt: $expiresAt) {\n      ...CertificateItem\n    }\n  }\n"): (typeof documents)["\n  mutation IssueCertificate($programmeId: ID!, $userId: ID!, $expiresAt: DateTime) {\n    issueCertificate(programmeId: $programmeId, userId: $userId, expiresAt: $expiresAt) {\n      ...CertificateItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCertificate($id: ID!, $reason: String!) {\n    revokeCertificate(id: $id, reason: $reason) {\n      ...CertificateItem\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeCertificate($id: ID!, $reason: String!) {\n    revokeCertificate(id: $id, reason: $reason) {\n      ...CertificateItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyEnrolments($after: String) {\n    myEnrolments(first: 50, after: $after) {\n      nodes {\n        id\n        status\n        waitingListPosition\n        requestedAt\n        attended\n        completedAt\n        session {\n          id\n          startsAt\n          endsAt\n          timeZone\n          status\n          programme {\n            id\n            title\n            format\n          }\n        }\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyEnrolments($after: String) {\n    myEnrolments(first: 50, after: $after) {\n      nodes {\n        id\n        status\n        waitingListPosition\n        requestedAt\n        attended\n        completedAt\n        session {\n          id\n          startsAt\n          endsAt\n          timeZone\n          status\n          programme {\n            id\n            title\n            format\n          }\n        }\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyELearning {\n    programmes(first: 50, format: E_LEARNING) {\n      nodes {\n        id\n        title\n        viewerProgress {\n          completedModules\n          totalModules\n          complete\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyELearning {\n    programmes(first: 50, format: E_LEARNING) {\n      nodes {\n        id\n        title\n        viewerProgress {\n          completedModules\n          totalModules\n          complete\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyCertificates($after: String) {\n    myCertificates(first: 50, after: $after) {\n      nodes {\n        ...CertificateItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyCertificates($after: String) {\n    myCertificates(first: 50, after: $after) {\n      nodes {\n        ...CertificateItem\n      }\n      pageInfo {\n        ...PageCursor\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;