import { hash, verify } from '@node-rs/argon2';
import commonPasswordsText from './common-passwords.txt?raw';

/** OWASP's argon2id minimum; stated explicitly so a library default change cannot weaken it. */
export const ARGON2_OPTIONS = {
	algorithm: 2, // argon2id
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
} as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

const commonPasswords = new Set(
	commonPasswordsText
		.split('\n')
		.filter((line) => line && !line.startsWith('#'))
		.map((line) => line.trim().toLowerCase())
);

export function isCommonPassword(password: string): boolean {
	return commonPasswords.has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;
/** Verifying against this for unknown users makes their failures cost what real ones do. */
export function getDummyHash(): Promise<string> {
	dummyHash ??= hashPassword('gapwise-dummy-password-never-matches');
	return dummyHash;
}
