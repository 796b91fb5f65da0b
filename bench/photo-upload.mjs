// A photo upload end to end on loopback: a 5 MB phone-like JPEG (4000×3000, EXIF with orientation,
// camera and GPS, an XMP packet and an ICC profile) sent as multipart to a route that runs the
// platform's storePhoto the way the route kernel does (stream to disk, check, display copy and
// thumbnail without metadata, the row and quota in a transaction, keep after the commit).
// /healthz is measured in the same run, alone and beside the uploads, and the server's event loop
// delay while they run. Two runs: one photo at a time, then `parallel` at once.
// Usage: node bench/photo-upload.mjs [uploads=20] [parallel=4]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import sharp from 'sharp';
import { emit, removeDir, root, round, tempDataDir } from './lib.mjs';

const uploads = Number(process.argv[2] ?? 20);
const parallel = Number(process.argv[3] ?? 4);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return round(s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]);
};

/** Smooth shapes with sensor-like grain: compresses like a photo (≈5 MB at quality 88), not like flat colour or pure noise. */
async function phonePhoto() {
  const [w, h] = [4000, 3000];
  const pixels = await sharp(randomBytes((w / 8) * (h / 8) * 3), { raw: { width: w / 8, height: h / 8, channels: 3 } }).resize(w, h, { kernel: 'cubic' }).raw().toBuffer();
  const grain = randomBytes(pixels.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (pixels[i] * 0.85 + grain[i] * 0.15) | 0;
  return sharp(pixels, { raw: { width: w, height: h, channels: 3 } })
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Make: 'Telefon', Model: 'Model 12' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '12/1 34/1 0/1' } })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>')
    .withIccProfile('p3')
    .jpeg({ quality: 88 })
    .toBuffer();
}

const photo = await phonePhoto();
const dir = tempDataDir();
const port = 3900 + Math.floor(Math.random() * 500);
const child = spawn(process.execPath, ['--import', 'tsx', 'bench/photo-upload-server.ts'], {
  cwd: root,
  env: { ...process.env, PORT: String(port), DATA_DIR: dir, LOG_LEVEL: 'error', NODE_ENV: 'production', EMBEDDED_DB: 'inline', UPLOAD_LIMIT_MB: '50' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  child.stdout.on('data', (d) => String(d).includes('ready') && resolve());
  child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});
const base = `http://127.0.0.1:${port}`;

async function timed(path, init) {
  const t = performance.now();
  const r = await fetch(`${base}${path}`, init);
  const text = await r.text();
  if (!r.ok) throw new Error(`${path}: ${r.status} ${text.slice(0, 200)}`);
  return performance.now() - t;
}
const upload = () => {
  const form = new FormData();
  form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'IMG_0001.jpg');
  return timed('/bench/photo', { method: 'POST', body: form });
};
/** The server's CPU time so far in ms (user + system, from /proc): a figure the machine's other load does not inflate. */
const cpuMs = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const lag = async () => JSON.parse(await (await fetch(`${base}/bench/lag`)).text());

try {
  await upload(); // warm-up: sharp's first use loads libvips
  const idle = [];
  await lag();
  for (let i = 0; i < 200; i++) idle.push(await timed('/healthz'));
  emit({ figure: 'healthz_alone_ms', p50: pct(idle, 0.5), p95: pct(idle, 0.95), cores: availableParallelism(), load_1m: round(loadavg()[0]) });
  emit({ figure: 'event_loop_delay_ms', at_once: 0, ...(await lag()) });

  for (const width of [1, parallel]) {
    const beside = [];
    let stop = false;
    const probe = (async () => {
      while (!stop) {
        beside.push(await timed('/healthz'));
        await sleep(20);
      }
    })();
    await lag();
    const ms = [];
    const cpu0 = cpuMs();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: width }, async () => {
        for (let i = 0; i < Math.ceil(uploads / width); i++) ms.push(await upload());
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const cpuPerPhoto = (cpuMs() - cpu0) / ms.length;
    const loop = await lag();
    stop = true;
    await probe;
    emit({ figure: 'photo_upload_ms', at_once: width, photo_mb: round(photo.length / 1024 / 1024, 2), n: ms.length, p50: pct(ms, 0.5), p95: pct(ms, 0.95), max: round(Math.max(...ms)), photos_per_s: round(ms.length / seconds, 2), server_cpu_ms_per_photo: round(cpuPerPhoto), goal_p95: 1000, load_1m: round(loadavg()[0]) });
    emit({ figure: 'healthz_beside_uploads_ms', at_once: width, p50: pct(beside, 0.5), p95: pct(beside, 0.95), max: round(Math.max(...beside)) });
    emit({ figure: 'event_loop_delay_ms', at_once: width, ...loop });
  }
} finally {
  child.kill('SIGTERM');
  removeDir(dir);
}
