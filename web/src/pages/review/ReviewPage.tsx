export default function ReviewPage() {
  return <div className="lx-page">ReviewPage</div>;
}
