import { Link } from 'react-router';
import type { Tlp } from '../gql/graphql';
import { TlpBadge } from './TlpBadge';

/** The title row of a card in a list: the title, a link to the thing, and its TLP marking. */
export function CardTitle({ to, title, tlp }: { to: string; title: string; tlp: Tlp }) {
  return (
    <div className="card-title-row">
      <h3>
        <Link to={to}>{title}</Link>
      </h3>
      <TlpBadge tlp={tlp} />
    </div>
  );
}
