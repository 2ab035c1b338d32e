/** A page so `/` answers; try /api/chat?q=hello (Node runtime) and /api/edge-chat?q=hello (edge runtime). */
export default function Home() {
  return <p>Sightline Next.js example: /api/chat and /api/edge-chat</p>;
}
