export default function SupervisionPage() {
  return <div className="lx-page">SupervisionPage</div>;
}
