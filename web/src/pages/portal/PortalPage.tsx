export default function PortalPage() {
  return <div className="lx-page">PortalPage</div>;
}
