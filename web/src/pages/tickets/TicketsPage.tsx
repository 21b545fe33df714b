export default function TicketsPage() {
  return <div className="lx-page">TicketsPage</div>;
}
