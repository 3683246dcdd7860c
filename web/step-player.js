// The clock of the step animation: which phase is showing and how far its animation has run.
// Play runs the phases one after another; Next animates one phase and stops; Previous shows the
// phase before, finished; Pause freezes wherever the animation is. No DOM and no model numbers.

export const PHASE_MS = 1600;  // one phase at speed 1
const REVEAL_AT = 0.6;         // progress at which a phase's numbers appear (its pulses have arrived)

/** The last phase whose numbers are shown: the current one once its pulses have arrived. */
export function revealed(p) {
  return p.progress >= REVEAL_AT ? p.phase : p.phase - 1;
}

/** A player at the first phase, finished, paused. */
export function createPlayer(count, speed = 1) {
  return { count, phase: 0, progress: 1, playing: false, stepping: false, speed };
}

/** Advances the animation by `dtMs`; returns true if anything the view shows changed. */
export function tick(p, dtMs) {
  if (!p.playing && !p.stepping) return false;
  if (p.progress < 1) {
    p.progress = Math.min(1, p.progress + (dtMs * p.speed) / PHASE_MS);
    if (p.progress === 1 && p.phase === p.count - 1) p.playing = false;
    if (p.progress === 1) p.stepping = false;
    return true;
  }
  if (p.playing && p.phase < p.count - 1) {
    p.phase += 1;
    p.progress = 0;
    return true;
  }
  p.playing = false;
  return false;
}

/** Play from where it is (from the start once the last phase has finished). */
export function play(p) {
  if (p.phase === p.count - 1 && p.progress === 1) { p.phase = 0; p.progress = 0; }
  p.playing = true;
}

export function pause(p) { p.playing = false; p.stepping = false; }

/** The next phase, animated once. */
export function next(p) {
  if (p.phase >= p.count - 1) return;
  p.phase += 1;
  p.progress = 0;
  p.playing = false;
  p.stepping = true;
}

/** The phase before, shown finished. */
export function previous(p) {
  if (p.phase <= 0) return;
  p.phase -= 1;
  p.progress = 1;
  p.playing = false;
  p.stepping = false;
}

/** Jumps to phase `i`, finished. */
export function seek(p, i) {
  p.phase = Math.max(0, Math.min(p.count - 1, i));
  p.progress = 1;
  p.playing = false;
  p.stepping = false;
}
