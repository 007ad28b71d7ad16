// Words scammers put next to a brand name in a host name (combo squatting: `paypal-login`,
// `secure-metamask-wallet`, `bcp-seguro`), in the languages of the countries we serve.
import { toSkeleton } from './skeleton.ts';

const KEYWORDS = [
  // English
  'access', 'account', 'accounts', 'activate', 'activation', 'airdrop', 'alert', 'app', 'apps', 'auth',
  'authenticate', 'banking', 'bill', 'billing', 'bills', 'bonus', 'care', 'cashback', 'center', 'centre',
  'check', 'claim', 'confirm', 'connect', 'customer', 'customs', 'dapp', 'delivery', 'desk', 'fee', 'fees',
  'fine', 'fines', 'free', 'gift', 'giveaway', 'help', 'helpdesk', 'id', 'in', 'info', 'invoice', 'kyc',
  'limited', 'live', 'loan', 'locked', 'login', 'logon', 'lucky', 'mail', 'member', 'mobile', 'my', 'notice',
  'offer', 'offers', 'official', 'on', 'online', 'order', 'package', 'parcel', 'password', 'payment',
  'payments', 'pin', 'portal', 'prize', 'promo', 'recharge', 'recover', 'recovery', 'refund', 'refunds',
  'register', 'renew', 'reset', 'restore', 'reward', 'rewards', 'secure', 'security', 'service', 'services',
  'shipment', 'shipping', 'sign', 'signin', 'staking', 'status', 'support', 'suspended', 'sync', 'tax',
  'team', 'token', 'toll', 'topup', 'track', 'tracking', 'unlock', 'update', 'validate', 'validation',
  'verification', 'verify', 'wallet', 'wallets', 'web', 'webmail', 'winner', 'www',
  // Spanish and Portuguese (Peru, Latin America)
  'acceso', 'actualizar', 'ayuda', 'banca', 'bono', 'clave', 'cliente', 'clientes', 'conta', 'cuenta',
  'desbloqueo', 'entrar', 'envio', 'ingreso', 'oficial', 'pago', 'pagos', 'premio', 'reembolso', 'segura',
  'seguridad', 'seguro', 'soporte', 'validar', 'verificacion', 'verificar', 'zona',
  // French, Indonesian, Malay, and romanised Thai, Bengali, Nepali and Arabic
  'ae', 'akun', 'bd', 'compte', 'connexion', 'dirham', 'hadiah', 'khata', 'masuk', 'np', 'rupee', 'sewa',
  'taka', 'th', 'thai', 'uae', 'verifikasi',
];

interface TrieNode {
  next: Map<string, TrieNode>;
  isWord: boolean;
}

function buildTrie(words: Iterable<string>): TrieNode {
  const root: TrieNode = { next: new Map(), isWord: false };
  for (const word of words) {
    let node = root;
    for (const char of word) {
      let child = node.next.get(char);
      if (child === undefined) node.next.set(char, (child = { next: new Map(), isWord: false }));
      node = child;
    }
    node.isWord = true;
  }
  return root;
}

const SKELETONS = KEYWORDS.map(toSkeleton);
const SKELETON_SET = new Set(SKELETONS);
const FORWARD = buildTrie(SKELETONS);
const BACKWARD = buildTrie(SKELETONS.map((word) => [...word].reverse().join('')));
const FILLER = /[-0-9]/;

/** Whether a word (in skeleton form) is one of the keywords. */
export function isKeyword(word: string): boolean {
  return SKELETON_SET.has(word);
}

/**
 * Where a run of keywords, digits and hyphens that starts at the beginning of `text` (a skeleton)
 * can end, with the most keywords seen on the way: `secure-paypal` -> {0: 0, 6: 1, 7: 1}.
 */
export function reachFromStart(text: string): Map<number, number> {
  return reach(text, FORWARD, 1);
}

/** The same for runs that end at the end of `text`: positions where such a run can start. */
export function reachFromEnd(text: string): Map<number, number> {
  return reach(text, BACKWARD, -1);
}

function reach(text: string, trie: TrieNode, step: 1 | -1): Map<number, number> {
  const origin = step === 1 ? 0 : text.length;
  const reached = new Map<number, number>([[origin, 0]]);
  // Positions only move away from the origin, so one pass in that direction settles each of them.
  for (let pos = origin; pos >= 0 && pos <= text.length; pos += step) {
    const count = reached.get(pos);
    if (count === undefined) continue;
    const at = (offset: number): string => text[step === 1 ? pos + offset : pos - 1 - offset] ?? '';
    if (FILLER.test(at(0))) raise(reached, pos + step, count);
    let node: TrieNode | undefined = trie;
    for (let offset = 0; node !== undefined; offset++) {
      node = node.next.get(at(offset));
      if (node?.isWord) raise(reached, pos + step * (offset + 1), count + 1);
    }
  }
  return reached;
}

function raise(reached: Map<number, number>, pos: number, count: number): void {
  if ((reached.get(pos) ?? -1) < count) reached.set(pos, count);
}
