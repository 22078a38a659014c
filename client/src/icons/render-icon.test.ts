import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, encodePng, iconSvg, renderIcon } from "./render-icon.ts";

describe("crc32", () => {
  it("matches the PNG/zlib checksum", () => {
    expect(crc32(new TextEncoder().encode("IEND"))).toBe(0xae426082);
  });
});

describe("renderIcon + encodePng", () => {
  it("writes a valid RGBA PNG of the right size", () => {
    const size = 16;
    const png = encodePng(size, size, renderIcon({ size, background: [67, 56, 202], foreground: [255, 255, 255], cornerRadius: 0, glyphScale: 1 }));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect(view.getUint32(16)).toBe(size);
    expect(view.getUint32(20)).toBe(size);
    const idatLength = view.getUint32(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe(size * (size * 4 + 1));
  });

  it("paints the letter white in the middle and the background in the corner", () => {
    const size = 64;
    const px = renderIcon({ size, background: [67, 56, 202], foreground: [255, 255, 255], cornerRadius: 0, glyphScale: 1 });
    const at = (x: number, y: number) => [...px.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];
    expect(at(32, 32)).toEqual([255, 255, 255, 255]);
    expect(at(2, 2)).toEqual([67, 56, 202, 255]);
  });

  it("leaves rounded corners transparent", () => {
    const px = renderIcon({ size: 64, background: [0, 0, 0], foreground: [255, 255, 255], cornerRadius: 0.25, glyphScale: 1 });
    expect(px[3]).toBe(0);
  });
});

describe("iconSvg", () => {
  it("draws the same design as vector", () => {
    expect(iconSvg("#4338ca", "#fff")).toMatch(/^<svg[^>]+viewBox="0 0 512 512"/);
  });
});
