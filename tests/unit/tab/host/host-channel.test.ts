import { hostChannel } from '../../../../src/tab/host/host';

/** A window-shaped object: only what hostChannel reads. */
function aWindow(shape: { framed?: boolean; opener?: boolean; nativeInterface?: boolean; crossOriginParent?: boolean }): Window {
  const win: Record<string, unknown> = {};
  win.self = win;
  if (shape.crossOriginParent) Object.defineProperty(win, 'parent', { get() { throw new Error('SecurityError'); } });
  else win.parent = shape.framed ? {} : win;
  win.opener = shape.opener ? {} : null;
  if (shape.nativeInterface) win.nativeInterface = { framelessPostMessage: () => undefined };
  return win as unknown as Window;
}

describe('hostChannel', () => {
  it('is a frame when framed, opened by another window, or framed by a parent it may not inspect', () => {
    expect(hostChannel(aWindow({ framed: true }))).toBe('frame');
    expect(hostChannel(aWindow({ opener: true }))).toBe('frame');
    expect(hostChannel(aWindow({ crossOriginParent: true }))).toBe('frame');
  });

  it('is the native interface with no frame when Teams mobile injected one', () => {
    expect(hostChannel(aWindow({ nativeInterface: true }))).toBe('native');
  });

  it('is none in a plain browser tab', () => {
    expect(hostChannel(aWindow({}))).toBe('none');
  });
});
