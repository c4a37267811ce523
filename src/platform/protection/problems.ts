// The protection area's errors. None names a person or says where they live: a refusal at the
// counter must not itself tell a requester that someone is protected beyond "this cannot be
// issued here", so the codes are for the clerk's screen and the titles stay neutral.
import { Problem, problems } from "../http/problem.ts";
import { REQUEST_CHANNEL_NAMES_JA, type RequestChannel } from "../documents/requester.ts";

/** The rule every 支援措置 refusal of a certificate names (総務省 DV等支援措置). */
export const SUPPORT_MEASURE_RULE = "住民基本台帳事務処理要領 第5-10（DV等支援措置）";

export const protectionProblems = {
  invalid: (errors: { field: string; message: string }[]) => problems.invalid(errors),
  measureNotFound: () => new Problem(404, "not-found", "support measure not found", "支援措置が見つかりません"),
  releaseNotFound: () => new Problem(404, "not-found", "release not found", "解除申請が見つかりません"),
  concurrentChange: () =>
    new Problem(409, "stale-version", "The measure was changed meanwhile; reload and try again", "他の職員が更新しました。再読込してください"),
  alreadyEnded: () => new Problem(409, "protection.measure-ended", "The measure has ended", "この支援措置は終了しています"),
  renewalNotOpen: (opensOn: string) =>
    new Problem(
      409,
      "protection.renewal-not-open",
      "A renewal is accepted from one month before the period ends",
      "延長の申出は期間終了の1か月前から受け付けます",
      `renewal opens on ${opensOn}`,
    ),
  renewalTooLate: () =>
    new Problem(
      409,
      "protection.renewal-too-late",
      "The period has ended: protection now needs a new application",
      "支援措置の期間が終了しています。新たな申出として登録してください",
    ),
  releaseRequired: () =>
    new Problem(
      403,
      "protection.release-required",
      "A support measure (支援措置) restricts this; a supervisor's release is needed",
      `支援措置の対象者が含まれるため、第三者からの請求は厳格な審査（上長の解除承認）を経なければ交付できません（${SUPPORT_MEASURE_RULE}）`,
    ),
  requesterIsAdversary: () =>
    new Problem(
      403,
      "protection.requester-is-adversary",
      "The requester is a person a support measure is against; the request is refused",
      "請求者は支援措置の相手方です。この請求には応じられません",
    ),
  identityCheckRequired: () =>
    new Problem(
      403,
      "protection.identity-check-required",
      "A support measure (支援措置) applies: the person's own request is met at the counter after a strict identity check, recorded each time",
      `支援措置の対象者本人（同一世帯を含む）からの請求は、窓口で顔写真付きの本人確認書類を確認し、その種類を記録したときだけ交付できます（${SUPPORT_MEASURE_RULE}）`,
    ),
  channelRefused: (channel: RequestChannel) =>
    new Problem(
      403,
      "protection.channel-refused",
      `A support measure (支援措置) applies: requests by ${channel} are not accepted; the person asks at the counter with a photo ID`,
      `支援措置の対象者に係る請求は、${REQUEST_CHANNEL_NAMES_JA[channel]}では受け付けられません。本人が窓口で顔写真付きの本人確認書類を提示して請求します（${SUPPORT_MEASURE_RULE}：なりすまし防止）`,
      `channel ${channel}`,
    ),
  agentRefused: () =>
    new Problem(
      403,
      "protection.agent-refused",
      "A support measure (支援措置) applies: requests by an agent or messenger are not accepted",
      `支援措置の対象者に係る請求は、代理人・使者（委任状による請求を含む）からは受け付けられません。本人が窓口で顔写真付きの本人確認書類を提示して請求します（${SUPPORT_MEASURE_RULE}：なりすまし防止）`,
    ),
  releaseNotUsable: (why: string) =>
    new Problem(409, "protection.release-not-usable", "The release cannot be used", "この解除承認は使用できません", why),
  releaseUsed: () => new Problem(409, "protection.release-used", "The release has already been used once", "この解除承認は使用済みです"),
  ownRelease: () =>
    new Problem(
      403,
      "protection.own-release",
      "A release is approved by a supervisor other than the clerk who asked for it",
      "解除申請をした職員自身は承認できません",
    ),
  alreadyDecided: () => new Problem(409, "protection.release-decided", "The release has already been decided", "この解除申請は処理済みです"),
  notProtected: () =>
    new Problem(409, "protection.not-protected", "No active support measure covers this person", "この方に有効な支援措置はありません"),
};
