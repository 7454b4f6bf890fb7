/** The training screens' operations. */
import { graphql } from '../gql';

graphql(`
  fragment ProgrammeCard on Programme {
    id
    title
    description
    format
    language
    audienceKinds
    certifying
    status
    provider {
      id
      name
    }
  }
`);

export const ProgrammesDocument = graphql(`
  query Programmes(
    $after: String
    $search: String
    $format: ProgrammeFormat
    $providerId: ID
    $language: String
    $withOpenSeats: Boolean!
  ) {
    programmes(
      first: 20
      after: $after
      search: $search
      format: $format
      providerId: $providerId
      language: $language
      withOpenSeats: $withOpenSeats
    ) {
      nodes {
        ...ProgrammeCard
      }
      pageInfo {
        ...PageCursor
      }
    }
  }
`);

export const ProviderChoicesDocument = graphql(`
  query ProviderChoices {
    organizations(filter: { verified: true }, first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const CreateProgrammeDocument = graphql(`
  mutation CreateProgramme($input: CreateProgrammeInput!) {
    createProgramme(input: $input) {
      id
    }
  }
`);

graphql(`
  fragment ParticipantItem on Enrolment {
    id
    status
    waitingListPosition
    attended
    completedAt
    learner {
      id
      displayName
      organization {
        id
        name
      }
    }
  }
`);

graphql(`
  fragment SessionItem on TrainingSession {
    id
    startsAt
    endsAt
    timeZone
    place
    onlineLink
    capacity
    seatsTaken
    seatsFree
    waitingListLength
    status
    viewerCanInstruct
    viewerEnrolment {
      id
      status
      waitingListPosition
    }
  }
`);

/**
 * The participants of a programme's sessions, for its instructors and managers: a query of its
 * own, since every page size multiplies the query's cost (the server allows 5000). There is no
 * query of one session, so this takes the first ten sessions with up to 30 participants each.
 */
export const ProgrammeParticipantsDocument = graphql(`
  query ProgrammeParticipants($id: ID!) {
    programme(id: $id) {
      id
      sessions(first: 10, includePast: true) {
        nodes {
          id
          participants(first: 30) {
            nodes {
              ...ParticipantItem
            }
            pageInfo {
              hasNextPage
            }
          }
        }
      }
    }
  }
`);

export const ProgrammeDocument = graphql(`
  query Programme($id: ID!) {
    programme(id: $id) {
      id
      title
      description
      descriptionHtml
      format
      language
      audienceKinds
      certifying
      certificateValidDays
      status
      provider {
        id
        name
      }
      prerequisites(first: 20) {
        nodes {
          id
          title
        }
      }
      modules(first: 50) {
        nodes {
          id
          position
          title
          contentHtml
          viewerCompleted
        }
      }
      sessions(first: 20, includePast: true) {
        nodes {
          ...SessionItem
        }
      }
      viewerCanManage
      viewerCanEnrol
      viewerProgress {
        completedModules
        totalModules
        complete
      }
    }
  }
`);

export const TrainingUpdatedDocument = graphql(`
  subscription TrainingUpdated($programmeId: ID!, $after: String) {
    trainingUpdated(programmeId: $programmeId, after: $after) {
      cursor
      programmeId
    }
  }
`);

export const EnrolDocument = graphql(`
  mutation Enrol($sessionId: ID!) {
    enrol(sessionId: $sessionId) {
      id
      status
      waitingListPosition
    }
  }
`);

export const CancelEnrolmentDocument = graphql(`
  mutation CancelEnrolment($sessionId: ID!) {
    cancelEnrolment(sessionId: $sessionId) {
      id
      status
    }
  }
`);

export const CompleteModuleDocument = graphql(`
  mutation CompleteModule($id: ID!) {
    completeModule(id: $id) {
      id
      viewerProgress {
        completedModules
        totalModules
        complete
      }
    }
  }
`);

export const UncompleteModuleDocument = graphql(`
  mutation UncompleteModule($id: ID!) {
    uncompleteModule(id: $id) {
      id
      viewerProgress {
        completedModules
        totalModules
        complete
      }
    }
  }
`);

export const UpdateProgrammeDocument = graphql(`
  mutation UpdateProgramme($id: ID!, $input: UpdateProgrammeInput!) {
    updateProgramme(id: $id, input: $input) {
      id
      title
      description
      descriptionHtml
      language
      audienceKinds
      certifying
      certificateValidDays
    }
  }
`);

export const OpenProgrammeDocument = graphql(`
  mutation OpenProgramme($id: ID!) {
    openProgramme(id: $id) {
      id
      status
      viewerCanEnrol
    }
  }
`);

export const CloseProgrammeDocument = graphql(`
  mutation CloseProgramme($id: ID!) {
    closeProgramme(id: $id) {
      id
      status
      viewerCanEnrol
    }
  }
`);

export const AddModuleDocument = graphql(`
  mutation AddModule($programmeId: ID!, $title: String!, $content: String!) {
    addModule(programmeId: $programmeId, title: $title, content: $content) {
      id
    }
  }
`);

export const RemoveModuleDocument = graphql(`
  mutation RemoveModule($id: ID!) {
    removeModule(id: $id) {
      id
    }
  }
`);

export const CreateSessionDocument = graphql(`
  mutation CreateSession($programmeId: ID!, $input: SessionInput!) {
    createSession(programmeId: $programmeId, input: $input) {
      id
    }
  }
`);

export const CancelSessionDocument = graphql(`
  mutation CancelSession($id: ID!) {
    cancelSession(id: $id) {
      id
      status
    }
  }
`);

export const RecordAttendanceDocument = graphql(`
  mutation RecordAttendance($enrolmentId: ID!, $attended: Boolean!) {
    recordAttendance(enrolmentId: $enrolmentId, attended: $attended) {
      ...ParticipantItem
    }
  }
`);

export const CompleteEnrolmentDocument = graphql(`
  mutation CompleteEnrolment($enrolmentId: ID!) {
    completeEnrolment(enrolmentId: $enrolmentId) {
      ...ParticipantItem
    }
  }
`);

export const RemoveParticipantDocument = graphql(`
  mutation RemoveParticipant($enrolmentId: ID!) {
    removeParticipant(enrolmentId: $enrolmentId) {
      ...ParticipantItem
    }
  }
`);

graphql(`
  fragment CertificateItem on Certificate {
    id
    code
    programmeId
    programmeTitle
    holder {
      id
      displayName
    }
    issuedAt
    expiresAt
    revokedAt
    revokedReason
    status
  }
`);

export const ProgrammeCertificatesDocument = graphql(`
  query ProgrammeCertificates($programmeId: ID!, $after: String) {
    programmeCertificates(programmeId: $programmeId, first: 50, after: $after) {
      nodes {
        ...CertificateItem
      }
      pageInfo {
        ...PageCursor
      }
    }
  }
`);

export const IssueCertificateDocument = graphql(`
  mutation IssueCertificate($programmeId: ID!, $userId: ID!, $expiresAt: DateTime) {
    issueCertificate(programmeId: $programmeId, userId: $userId, expiresAt: $expiresAt) {
      ...CertificateItem
    }
  }
`);

export const RevokeCertificateDocument = graphql(`
  mutation RevokeCertificate($id: ID!, $reason: String!) {
    revokeCertificate(id: $id, reason: $reason) {
      ...CertificateItem
    }
  }
`);

export const MyEnrolmentsDocument = graphql(`
  query MyEnrolments($after: String) {
    myEnrolments(first: 50, after: $after) {
      nodes {
        id
        status
        waitingListPosition
        requestedAt
        attended
        completedAt
        session {
          id
          startsAt
          endsAt
          timeZone
          status
          programme {
            id
            title
            format
          }
        }
      }
      pageInfo {
        ...PageCursor
      }
    }
  }
`);

export const MyELearningDocument = graphql(`
  query MyELearning {
    programmes(first: 50, format: E_LEARNING) {
      nodes {
        id
        title
        viewerProgress {
          completedModules
          totalModules
          complete
        }
      }
    }
  }
`);

export const MyCertificatesDocument = graphql(`
  query MyCertificates($after: String) {
    myCertificates(first: 50, after: $after) {
      nodes {
        ...CertificateItem
      }
      pageInfo {
        ...PageCursor
      }
    }
  }
`);
