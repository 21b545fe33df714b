export default function AdminPage() {
  return <div className="lx-page">AdminPage</div>;
}
