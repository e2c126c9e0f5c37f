export default function Home() {
  return <h1>meterboard</h1>;
}
