export default function DashboardPage() {
  return <div className="lx-page">DashboardPage</div>;
}
