/**
 * User-facing error messages, by code, in the two languages the platform ships. `{field}` and other
 * placeholders are filled from the error. Every code a route can return has a message in both.
 */
export type Language = 'zh-CN' | 'en-US';

export const ERROR_MESSAGES = {
  LISTED_TWICE: {
    'zh-CN': '字段 {field}：同一人员重复列出',
    'en-US': 'Field {field}: the same person is listed twice',
  },
  DUPLICATE_ROW: { 'zh-CN': '字段 {field}：与第 {row} 行重复', 'en-US': 'Field {field}: duplicates row {row}' },
  DUPLICATE_ENTRY: {
    'zh-CN': '字段 {field}：与第 {entry} 人重复',
    'en-US': 'Field {field}: the same person as entry {entry}',
  },
  VALIDATION_FAILED: { 'zh-CN': '字段 {field} 不符合要求：{detail}', 'en-US': 'Field {field} is invalid: {detail}' },
  REQUIRED_FIELD: { 'zh-CN': '缺少必填字段 {field}', 'en-US': 'The field {field} is required' },
  UNKNOWN_FIELD: { 'zh-CN': '不认识的字段 {field}', 'en-US': 'Unknown field {field}' },
  /** A bank's return file without a column its layout needs: the first row names the columns. */
  RETURN_FILE_COLUMN_MISSING: {
    'zh-CN': '回盘文件缺少“{column}”列：文件第一行应为列名 {columns}，请使用银行按本批次格式返回的文件',
    'en-US':
      'The return file has no “{column}” column: its first row should name the columns {columns}; use the file the bank returned in this batch’s layout',
  },
  /** A return file with nothing after its header (or nothing at all): no result to settle. */
  RETURN_FILE_EMPTY: {
    'zh-CN': '回盘文件中没有回盘记录：第一行应为列名 {columns}，其后每行一笔结果。请核对是否上传了银行返回的本批次文件',
    'en-US':
      'The return file has no results: its first row should name the columns {columns}, then one row per payment. Check that this is the file the bank returned for this batch',
  },
  /** An audit search by part of a name that more actors' names contain than a page can merge. */
  ACTOR_TOO_VAGUE: {
    'zh-CN': '字段 {field}：含“{text}”的姓名超过 {max} 个，请输入更完整的姓名',
    'en-US': 'Field {field}: more than {max} names contain “{text}”; type more of the name',
  },
  /** A period whose end comes before its start (a report's from/to): the end is named. */
  PERIOD_REVERSED: {
    'zh-CN': '字段 {field}：截止日期 {to} 早于起始日期 {from}',
    'en-US': 'Field {field}: the end ({to}) is before the start ({from})',
  },
  INVALID_FACTS: { 'zh-CN': '申请材料有误：{detail}', 'en-US': 'The facts are invalid: {detail}' },
  UNKNOWN_SUBSIDY: { 'zh-CN': '没有编号为 {value} 的补贴项目', 'en-US': 'There is no subsidy with id {value}' },
  NOT_FOUND: { 'zh-CN': '请求的地址不存在', 'en-US': 'Nothing is found at this address' },
  MALFORMED_JSON: { 'zh-CN': '请求内容不是有效的JSON', 'en-US': 'The request body is not valid JSON' },
  INTERNAL_ERROR: {
    'zh-CN': '服务器内部错误，已记录，请稍后重试',
    'en-US': 'Internal error; it has been logged, please try again later',
  },
  DATABASE_UNAVAILABLE: { 'zh-CN': '数据库暂时不可用', 'en-US': 'The database is unavailable' },
  UNSUPPORTED_MEDIA_TYPE: {
    'zh-CN': '不支持此请求内容类型（Content-Type），请以 JSON（application/json）或该地址要求的文件格式发送',
    'en-US': 'Unsupported content type; send JSON (application/json) or the file format this address asks for',
  },
  MALFORMED_REQUEST: { 'zh-CN': '请求格式有误', 'en-US': 'The request is malformed' },
  /** The message of a VALIDATION_FAILED the database caught: it does not say which field. */
  INVALID_VALUE: {
    'zh-CN': '请求中有数值超出范围或格式不正确，请检查后重试',
    'en-US': 'A value in the request is out of range or malformed; check it and try again',
  },
  // ── sessions and accounts ──
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    'zh-CN': '登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试或联系管理员',
    'en-US': 'Too many failed logins: the account is locked; try again in {minutes} minutes or ask an administrator',
  },
  NOT_AUTHENTICATED: { 'zh-CN': '请先登录', 'en-US': 'Please log in first' },
  SESSION_EXPIRED: { 'zh-CN': '登录已超时，请重新登录', 'en-US': 'Your session has timed out; please log in again' },
  CSRF_FAILED: {
    'zh-CN': '请求缺少有效的防伪令牌（X-CSRF-Token），请刷新页面后重试',
    'en-US': 'The request lacks a valid anti-forgery token (X-CSRF-Token); reload the page and try again',
  },
  FORBIDDEN: { 'zh-CN': '您的角色无权进行此操作', 'en-US': 'Your role may not do this' },
  PASSWORD_CHANGE_REQUIRED: {
    'zh-CN': '密码已过期或由管理员重置，请先修改密码',
    'en-US': 'Your password has expired or was reset; change it first',
  },
  WEAK_PASSWORD: {
    'zh-CN': '{field}{rule}：密码须至少8位，包含大写字母、小写字母、数字、符号中的至少3类，且不含用户名',
    'en-US':
      'The {field} {rule}: a password needs at least 8 characters from 3 of upper case, lower case, digits and symbols, and may not contain the username',
  },
  PASSWORD_REUSED: {
    'zh-CN': '新密码不能与最近 {count} 次使用过的密码相同',
    'en-US': 'The new password may not be one of the last {count} used',
  },
  USERNAME_TAKEN: { 'zh-CN': '用户名 {value} 已被使用', 'en-US': 'The username {value} is taken' },
  UNKNOWN_ROLE: { 'zh-CN': '没有名为 {value} 的角色', 'en-US': 'There is no role {value}' },
  UNKNOWN_REGION: {
    'zh-CN': '字段 {field}：行政区划 {value} 不在本系统中',
    'en-US': 'Field {field}: region {value} is not in the system',
  },
  OUT_OF_REGION: {
    'zh-CN': '字段 {field}：{value} 不在您管辖的行政区划内',
    'en-US': 'Field {field}: {value} is outside the regions you administer',
  },
  ACCOUNT_NOT_FOUND: { 'zh-CN': '账号不存在', 'en-US': 'No such account' },
  ACCOUNT_EXISTS: {
    'zh-CN': '该申请人已注册账号，请直接登录或找回密码',
    'en-US': 'This applicant already has an account; log in or reset the password',
  },
  /** A roster's trainee whose name is not the one registered under the ID number beside it (实名制). */
  TRAINEE_NAME_MISMATCH: {
    'zh-CN': '字段 {field}：姓名与该身份证号码的登记姓名不一致',
    'en-US': 'Field {field}: the name is not the one registered for this ID number',
  },
  NAME_MISMATCH: {
    'zh-CN': '字段 姓名：姓名（名称）与登记信息不一致',
    'en-US': 'Field name: the name does not match the registry',
  },
  ROLES_INCOMPATIBLE: {
    'zh-CN': '字段 角色：「{a}」与「{b}」不能由同一账号兼任（三员分立、权限不相容）',
    'en-US': 'Field roles: {a} and {b} may not be held by one account (separate administrators; incompatible posts)',
  },
  OWN_ACCOUNT_ROLES: {
    'zh-CN': '不能修改本人账号的角色，请由另一名系统管理员办理',
    'en-US': 'You may not change your own account’s roles; another administrator must',
  },
  ROLE_EXCEPTION_NOT_ALLOWED: {
    'zh-CN': '字段 {field}：「{role}」不能设置兼任例外，例外只适用于受理、审核、复核、拨付、参数、监督岗位之间',
    'en-US':
      'Field {field}: no exception can be declared for {role}; exceptions are only between the clerk, reviewer, approver, finance, parameter and supervisor posts',
  },
  ROLE_EXCEPTION_EXISTS: {
    'zh-CN': '该地区已声明此组岗位的例外（编号 {value}），无需重复声明',
    'en-US': 'This region has already declared this pair an exception ({value})',
  },
  ROLE_EXCEPTION_NOT_FOUND: {
    'zh-CN': '该兼任例外不存在或已撤销',
    'en-US': 'No such exception, or it has been revoked',
  },
  // ── real-name binding ──
  IDENTITY_ALREADY_BOUND: { 'zh-CN': '本账号已完成实名核验', 'en-US': 'This account is already verified' },
  IDENTITY_CLAIM_MISSING: {
    'zh-CN': '本账号没有待核验的身份信息',
    'en-US': 'This account claims no identity to verify',
  },
  SMS_ONLY_FOR_PEOPLE: {
    'zh-CN': '单位账号请持营业执照和法定代表人身份证到服务窗口领取激活码，或通过统一身份认证（法人）登录核验',
    'en-US':
      'A unit verifies with an activation code from a service counter (bring the business licence and the legal representative’s ID card), or through the unified identity service',
  },
  CODE_RATE_LIMITED: {
    'zh-CN': '验证码发送过于频繁，请 {seconds} 秒后再试',
    'en-US': 'Codes are sent too often; try again in {seconds} seconds',
  },
  CODE_DAILY_LIMIT: {
    'zh-CN': '今日验证码次数已用完，请明天再试或到服务窗口办理',
    'en-US': 'No more codes today; try tomorrow or go to a service counter',
  },
  INVALID_CODE: {
    'zh-CN': '字段 验证码：验证码或激活码不正确或已过期',
    'en-US': 'Field code: the code is wrong or has expired',
  },
  BIND_ATTEMPTS_EXCEEDED: {
    'zh-CN': '字段 验证码：错误次数过多，请 24 小时后再试，或持身份证到服务窗口办理',
    'en-US': 'Field code: too many wrong codes; try again in 24 hours or go to a service counter with your ID card',
  },
  CODE_NOT_FOR_THIS_ACCOUNT: {
    'zh-CN': '字段 验证码：该激活码不是为本账号注册时填写的身份签发的',
    'en-US': 'Field code: this activation code was not issued for the identity this account registered with',
  },
  SUBJECT_ALREADY_BOUND: {
    'zh-CN': '该身份已绑定其他账号。如非本人操作，请持身份证到服务窗口，由工作人员核实后改绑',
    'en-US':
      'This identity is bound to another account. If that was not you, bring your ID card to a service counter, where staff can re-bind it',
  },
  REBIND_REASON_REQUIRED: {
    'zh-CN': '字段 理由：该身份已绑定其他账号，改绑须填写核实理由',
    'en-US': 'Field reason: this identity is bound to another account; re-binding needs the reason you verified',
  },
  OIDC_NOT_CONFIGURED: {
    'zh-CN': '本平台尚未接入统一身份认证，请使用短信验证码或窗口激活码',
    'en-US':
      'The unified identity service is not configured here; use a text-message code or a counter activation code',
  },
  OIDC_FAILED: {
    'zh-CN': '统一身份认证未完成：{detail}',
    'en-US': 'The unified identity service did not complete: {detail}',
  },
  OIDC_IDENTITY_MISMATCH: {
    'zh-CN': '统一身份认证返回的身份与本账号注册时填写的不一致',
    'en-US': 'The identity the unified identity service returned is not the one this account registered with',
  },
  NOT_A_TRAINING_INSTITUTION: {
    'zh-CN': '只有列入培训机构目录的机构账号或人社部门工作人员可以核对学员名册',
    'en-US': 'Only a listed training institution’s account or bureau staff may check a roster against the registry',
  },
  /** Self-registration from one client address past its hourly count (registration-limits.ts). */
  REGISTRATION_RATE_LIMITED: {
    'zh-CN': '从您的网络地址注册的账号过多，请 {minutes} 分钟后再试',
    'en-US': 'Too many accounts were registered from your network address; try again in {minutes} minutes',
  },
  /** Self-registration claiming an identity that already has its count of unverified accounts. */
  UNBOUND_CLAIMS_LIMITED: {
    'zh-CN':
      '字段 {field}：近 {days} 天已有 {count} 个以此身份注册、尚未实名核验的账号。请登录其中一个完成核验，或于 {until}（北京时间）后再试；如非本人注册，请持证件到服务窗口办理',
    'en-US':
      'Field {field}: {count} accounts claiming this identity were registered in the last {days} days and are not verified yet. Log in to one and verify it, or try again after {until} (Beijing time); if you did not register them, go to a service counter with your ID',
  },
  ROLE_NOT_FOR_SELF_REGISTRATION: {
    'zh-CN': '工作人员账号由管理员创建，不能自行注册',
    'en-US': 'Staff accounts are created by an administrator, not self-registered',
  },
  // ── registry ──
  /** A loan ended on a day before a quarter whose statement (and 贴息) is already recorded. */
  LOAN_QUARTER_AFTER_END: {
    'zh-CN': '字段 {field}：{value} 季度的对账清单已导入并据此计算贴息，贷款结束日期不能早于该季度开始日 {date}',
    'en-US':
      'Field {field}: the statement for {value} is already imported and its interest subsidy computed; the loan cannot end before that quarter began on {date}',
  },
  INVALID_ID_NUMBER: {
    'zh-CN': '字段 {field}：身份证号码无效（{detail}）',
    'en-US': 'Field {field}: not a valid resident ID number ({detail})',
  },
  INVALID_CREDIT_CODE: {
    'zh-CN': '字段 {field}：统一社会信用代码无效（{detail}）',
    'en-US': 'Field {field}: not a valid unified social credit code ({detail})',
  },
  PERSON_EXISTS: { 'zh-CN': '该身份证号码已登记', 'en-US': 'A person with this ID number is already registered' },
  ORGANISATION_EXISTS: {
    'zh-CN': '该统一社会信用代码已登记',
    'en-US': 'A unit with this credit code is already registered',
  },
  PERSON_NOT_FOUND: { 'zh-CN': '人员不存在或不在您的管辖范围内', 'en-US': 'No such person in your regions' },
  PERSON_NOT_REGISTERED: {
    'zh-CN': '字段 {field}：身份证号码 {value} 尚未在人员库登记',
    'en-US': 'Field {field}: ID number {value} is not in the registry',
  },
  ORGANISATION_NOT_FOUND: { 'zh-CN': '单位不存在或不在您的管辖范围内', 'en-US': 'No such unit in your regions' },
  FACT_NOT_FOUND: { 'zh-CN': '该记录不存在', 'en-US': 'No such record' },
  FACT_ALREADY_RETRACTED: { 'zh-CN': '该记录已被撤销', 'en-US': 'This record has already been retracted' },
  INVALID_FACT: { 'zh-CN': '字段 {field}：{detail}', 'en-US': 'Field {field}: {detail}' },
  // ── applications ──
  BUSINESS_NOT_REGISTERED: {
    'zh-CN': '字段 {field}：统一社会信用代码 {value} 未在市场监管登记数据中找到，请核对后重填',
    'en-US': 'Field {field}: credit code {value} is not in the business registry; check it and try again',
  },
  NOT_BUSINESS_FOUNDER: {
    'zh-CN': '字段 {field}：登记数据显示该经营主体的经营者或法定代表人不是申请人本人',
    'en-US': 'Field {field}: the business registry names someone else as this business’s founder',
  },
  BUSINESS_RECORD_INCOMPLETE: {
    'zh-CN': '字段 {field}：登记数据缺少该经营主体的成立日期或类型，请携带营业执照到经办窗口办理',
    'en-US': 'Field {field}: the registry lacks this business’s founding date or form; bring the licence to a counter',
  },
  NOT_DECLARABLE: {
    'zh-CN': '字段 {field}：该事项由数据共享或经办机构认定取得，不能由申请人申报',
    'en-US': 'Field {field}: this fact comes from shared data or an office’s certification and cannot be declared',
  },
  DECLARATIONS_PENDING: {
    'zh-CN': '还有 {value} 项申报事项未确认：受理前请逐项确认、更正或不予认可',
    'en-US': '{value} declared facts are not yet confirmed: confirm, correct or reject each before accepting',
  },
  DECLARATION_DECIDED: {
    'zh-CN': '该申报事项已处理，请刷新后查看',
    'en-US': 'This declared fact has already been decided; reload to see it',
  },
  DECLARATION_NOT_NOW: {
    'zh-CN': '申报事项在受理环节确认：只有已提交、待受理的申请可以确认',
    'en-US': 'Declared facts are confirmed at acceptance: only a submitted application awaiting it',
  },
  DECLARATION_NOT_FOUND: { 'zh-CN': '申报事项不存在', 'en-US': 'No such declared fact' },
  APPLICATION_NOT_FOUND: { 'zh-CN': '申请不存在或不在您的管辖范围内', 'en-US': 'No such application in your regions' },
  DUPLICATE_APPLICATION: {
    'zh-CN': '同一申请人、同一补贴、同一期间已有申请（编号 {value}），请在原申请上继续',
    'en-US': 'There is already an application for this applicant, subsidy and period ({value}); continue with it',
  },
  DUPLICATE_SERVICE_CLAIM: {
    'zh-CN':
      '字段 {field}：「{site}」{period}已有申请（编号 {value}），同一服务站点（基地、活动）同一期间只申请一次，请在原申请上继续',
    'en-US':
      'Field {field}: “{site}” already has an application {period} ({value}); one per station, base or event and period — continue with it',
  },
  SERVICE_SITE_CONFLICT: {
    'zh-CN':
      '字段 {field}：本单位{period}已有{kind}的申请（编号 {value}）；同一期间的服务要么一次申请，要么按服务站点（基地、活动）逐个申请，不能两者兼有',
    'en-US':
      'Field {field}: this unit already has an application {period} {kind} ({value}); a period’s services are claimed either at once or one per station, base or event, not both',
  },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '字段 提交标识：该幂等键已用于另一份不同内容的申请',
    'en-US': 'Field submission key: this key was already used for a different application',
  },
  POSTING_KEY_REUSED: {
    'zh-CN': '字段 提交标识：该提交标识已用于另一笔不同的资金下达或分配',
    'en-US': 'Field submission key: this key was already used for a different issuance or allocation',
  },
  TRANSITION_NOT_ALLOWED: {
    'zh-CN': '申请当前状态为「{state}」，不能进行「{action}」操作',
    'en-US': 'The application is {state}; it cannot be {action}',
  },
  /** A reason kept for oversight with fewer than four letters or characters, or one repeated (http/said.ts). */
  REASON_TOO_BRIEF: {
    'zh-CN': '字段 {field}：请写明理由（至少 4 个字，不能只重复同一个字），如所依据的文件或实际情况，以便日后核查',
    'en-US':
      'Field {field}: say why in at least 4 letters or characters, not one repeated, such as the document or the circumstances it rests on, so it can be checked later',
  },
  REASON_REQUIRED: {
    'zh-CN': '字段 {field}：此操作必须填写理由，且应说明具体内容',
    'en-US': 'Field {field}: this action needs a reason that says something',
  },
  CORRECTION_NOT_MADE: {
    'zh-CN': '字段 补正说明：退回后尚未补充任何材料。请先按退回意见上传材料，或说明已如何补正（如已到窗口出示原件）',
    'en-US':
      'Field correction note: nothing was added since the application was returned. Upload what was asked for, or say how it was corrected (for example, the original shown at the counter)',
  },
  SOD_TWO_STEPS: {
    'zh-CN': '同一人不能在同一申请的两个环节办理（您已办理过「{step}」环节）',
    'en-US': 'One person may not act at two steps of the same application (you acted at the {step} step)',
  },
  SOD_OWN_CLAIM: { 'zh-CN': '不能办理本人的申请', 'en-US': 'You may not act on your own claim' },
  SOD_RELATIVE_CLAIM: {
    'zh-CN': '不能办理同户籍家庭成员的申请',
    'en-US': 'You may not act on a claim of a member of your registered household',
  },
  INELIGIBLE_ACCEPT_REASON_REQUIRED: {
    'zh-CN': '字段 理由：政策引擎判定不符合条件：{detail}。如仍受理，须填写理由；也可退回补正或不予受理',
    'en-US':
      'Field reason: the policy engine finds the claim ineligible: {detail}. To accept it anyway, give a reason; or return it for correction, or refuse acceptance',
  },
  DECISION_NOT_ELIGIBLE: {
    'zh-CN': '政策引擎判定不符合条件：{detail}；请驳回而非通过',
    'en-US': 'The policy engine finds the claim ineligible: {detail}; reject it instead',
  },
  AMOUNT_NOT_SET: {
    'zh-CN': '本地区尚未设置补贴标准（参数 {value}），不能核定金额',
    'en-US': 'The region has not set the standard (parameter {value}); the amount cannot be fixed',
  },
  PUBLICITY_NOT_ENDED: {
    'zh-CN': '公示期至 {value} 结束，结束前不能进入拨付',
    'en-US': 'Publicity runs until {value}; payment must wait until it ends',
  },
  STALE_VERSION: {
    'zh-CN': '该申请已被他人更新，请刷新后重试',
    'en-US': 'Someone else has updated this application; reload and try again',
  },
  CALENDAR_NOT_PUBLISHED: {
    'zh-CN': '{value} 年的法定工作日历尚未导入，无法计算时限，请联系管理员',
    'en-US':
      'The official working-day calendar for {value} is not loaded; deadlines cannot be computed; ask an administrator',
  },
  EVIDENCE_CLOSED: {
    'zh-CN': '字段 文件：申请当前状态为「{state}」，只有草稿或待补正的申请可以上传材料',
    'en-US':
      'Field file: the application is {state}; files can be added only to a draft or an application returned for correction',
  },
  EVIDENCE_MATERIAL_UNKNOWN: {
    'zh-CN': '字段 申请材料：该补贴的申请材料只有 {count} 项，没有第 {value} 项',
    'en-US': 'Field material: this subsidy asks for {count} materials; there is no number {value}',
  },
  EVIDENCE_FILE_EMPTY: {
    'zh-CN': '字段 文件：文件「{name}」是空的，请重新选择',
    'en-US': 'Field file: “{name}” is empty; choose the file again',
  },
  EVIDENCE_FILE_TOO_LARGE: {
    'zh-CN': '字段 文件：文件「{name}」超过 {max}，请压缩或分页扫描后上传',
    'en-US': 'Field file: “{name}” is larger than {max}; compress it or scan fewer pages per file',
  },
  EVIDENCE_FILE_TYPE: {
    'zh-CN': '字段 文件：文件「{name}」不是 PDF、JPG 或 PNG，请上传扫描件或照片',
    'en-US': 'Field file: “{name}” is not a PDF, JPG or PNG; upload a scan or a photo',
  },
  EVIDENCE_NOT_FOUND: { 'zh-CN': '该材料文件不存在', 'en-US': 'No such file' },
  // ── 容缺受理 (decision 026) ──
  MATERIALS_MISSING: {
    'zh-CN': '字段 {field}：尚缺申请材料：{names}。请上传后再提交',
    'en-US': 'Field {field}: materials still missing: {names}. Hand them in, then submit',
  },
  MATERIALS_MISSING_MAY_PROMISE: {
    'zh-CN': '字段 {field}：尚缺申请材料：{names}。请上传后再提交，或签署容缺承诺、于 {date} 前补齐',
    'en-US':
      'Field {field}: materials still missing: {names}. Hand them in, or sign a promise to supply them by {date}, then submit',
  },
  DEFERRAL_NOT_ALLOWED: {
    'zh-CN': '字段 {field}：本地区此项补贴不实行容缺受理（{cites}），请补齐材料后提交',
    'en-US':
      'Field {field}: this subsidy is not accepted with materials to follow here ({cites}); hand in every material, then submit',
  },
  DEFERRAL_LAPSED_BEFORE: {
    'zh-CN': '字段 {field}：此申请的容缺承诺曾逾期未履行，不能再次容缺受理，请补齐材料后提交',
    'en-US':
      'Field {field}: a promise on this application already lapsed; it cannot be accepted with materials to follow again — hand them all in',
  },
  PROMISE_NOT_MISSING: {
    'zh-CN': '字段 {field}：第 {value} 项材料已提交或无需提交，不能列入容缺承诺',
    'en-US': 'Field {field}: material number {value} is handed in or not needed; it cannot be promised',
  },
  DEFERRED_LAPSED: {
    'zh-CN': '字段 {field}：容缺材料的补交期限已于 {date} 届满，不能再补交；申请将退回补正',
    'en-US':
      'Field {field}: the last day to supply this material was {date}; it can no longer be supplied and the application goes back for correction',
  },
  DEFERRED_MATERIAL_NOT_FOUND: {
    'zh-CN': '字段 {field}：此申请没有该项待补交的容缺材料',
    'en-US': 'Field {field}: this application has no such material promised and open',
  },
  DEFERRED_NOT_SUPPLIED: {
    'zh-CN': '字段 {field}：该容缺材料尚未补交，不能核验',
    'en-US': 'Field {field}: this promised material has not been supplied yet; there is nothing to check',
  },
  DEFERRED_ALREADY_CHECKED: {
    'zh-CN': '字段 {field}：该容缺材料已核验（可能刚由他人核验），请刷新后查看',
    'en-US': 'Field {field}: this material was already checked (perhaps just now by someone else); reload to see it',
  },
  DEFERRED_MATERIALS_OUTSTANDING: {
    'zh-CN': '容缺材料尚未补齐并核验：{names}（补交期限 {date}），核验通过前不能复核通过',
    'en-US': 'Promised materials not yet supplied and checked: {names} (due {date}); approval waits until they are',
  },
  SUBSIDY_NOT_FOR_APPLICANT: {
    'zh-CN': '补贴 {value} 不由此类申请人申请',
    'en-US': 'Subsidy {value} is not claimed by this kind of applicant',
  },
  // ── funds and ledger ──
  INSUFFICIENT_FUNDS: {
    'zh-CN': '资金 {value} 在 {region} 的可用余额不足',
    'en-US': 'Fund {value} has too little available in {region}',
  },
  BANK_FILE_DOWNLOADED: {
    'zh-CN':
      '该批次的代发文件已{by}于 {at} 下载，同一文件只能交银行一次；请先确认文件是否已交银行，确需再次下载，请确认后重新下载',
    'en-US':
      'This batch’s bank file was downloaded{by} at {at}, and a file goes to the bank once; make sure it has not gone to the bank, and to download it again, confirm that you mean to',
  },
  ALREADY_PAID: {
    'zh-CN': '该申请已拨付，不能重复拨付',
    'en-US': 'This application has already been paid; it cannot be paid twice',
  },
  SPENDING_RULE: { 'zh-CN': '资金用途不符：{detail}', 'en-US': 'Not a permitted use of the fund: {detail}' },
  NO_FUND: {
    'zh-CN': '{region} 没有可支付该补贴的资金（{detail}），请先下达预算',
    'en-US': '{region} has no fund that may pay this subsidy ({detail}); issue a budget first',
  },
  PAYMENT_NOT_FOUND: { 'zh-CN': '没有可退回的拨付记录', 'en-US': 'There is no payment to return' },
  FUND_NOT_FOUND: { 'zh-CN': '资金不存在', 'en-US': 'No such fund' },
  FUND_CODE_TAKEN: { 'zh-CN': '资金编号 {value} 已存在', 'en-US': 'The fund code {value} is taken' },
  NOT_BELOW: {
    'zh-CN': '字段 {field}：{value} 不是下级行政区划',
    'en-US': 'Field {field}: {value} is not below the issuing region',
  },
  BANK_ACCOUNT_INVALID: {
    'zh-CN': '字段 银行账号：银行账号应为12至30位数字',
    'en-US': 'Field bank account number: it must be 12 to 30 digits',
  },
  BATCH_NOT_FOUND: { 'zh-CN': '拨付批次不存在或不在您的管辖范围内', 'en-US': 'No such payment batch in your regions' },
  NOTHING_TO_PAY: {
    'zh-CN': '没有待拨付且已登记收款账户的申请',
    'en-US': 'No payable application with a registered payee account',
  },
  UNKNOWN_LAYOUT: { 'zh-CN': '没有名为 {value} 的银行文件格式', 'en-US': 'There is no bank file layout {value}' },
  PAYMENT_ITEM_NOT_FOUND: {
    'zh-CN': '字段 序号：本批次中没有该序号',
    'en-US': 'Field sequence number: there is no such item in this batch',
  },
  PAYMENT_ITEM_NOT_FAILED: {
    'zh-CN': '字段 序号：只有拨付失败的明细可以重新拨付',
    'en-US': 'Field sequence number: only a failed item can be re-issued',
  },
  PAYMENT_ITEM_REISSUED: {
    'zh-CN': '字段 序号：该明细已重新拨付',
    'en-US': 'Field sequence number: this item has been re-issued already',
  },
  ACCOUNT_NOT_CORRECTED: {
    'zh-CN': '收款账户尚未更正：与银行退回的账户相同，请先在人员单位库更正账户',
    'en-US':
      'The payee account has not been corrected: it is the one the bank refused; correct it in the registry first',
  },
  ALLOCATION_INVALID: {
    'zh-CN': '因素法测算无法进行：{detail}',
    'en-US': 'The factor-method calculation cannot run: {detail}',
  },
  UNKNOWN_SCHEME: { 'zh-CN': '没有编号为 {value} 的分配方案', 'en-US': 'There is no allocation scheme {value}' },
  RISK_BLOCKED: {
    'zh-CN': '风控预警阻止办理：{detail}；请驳回，或在参考数据更正后重新核查',
    'en-US': 'Blocked by a risk check: {detail}; reject the claim, or re-check once the reference data is corrected',
  },
  RISK_REVIEW_REQUIRED: {
    'zh-CN': '有待人工核查的风控预警：{detail}；请核查后逐条说明理由解除',
    'en-US': 'Risk warnings need a manual check: {detail}; check each and clear it with a reason',
  },
  FLAG_NOT_FOUND: {
    'zh-CN': '该预警不存在、已解除，或须以更正的参考数据重新核查',
    'en-US': 'No such open warning, or it can only be lifted by re-checking against corrected reference data',
  },
  UNKNOWN_REFERENCE_KIND: {
    'zh-CN': '没有名为 {value} 的参考数据类别',
    'en-US': 'There is no reference data kind {value}',
  },
  SPOT_CHECK_NOT_FOUND: { 'zh-CN': '抽查不存在或不在您的管辖范围内', 'en-US': 'No such spot check in your regions' },
  SPOT_CHECK_ALREADY_DRAWN: {
    'zh-CN': '本辖区 {period} 的抽查样本已于 {time} 抽取，以该次为准；如确需重新抽取，请填写理由，原样本一并留档',
    'en-US':
      'Your region drew its spot check for {period} at {time}, and that draw stands; to draw again, give a reason: the first draw stays on record',
  },
  SPOT_CHECK_NOTHING_TO_REDRAW: {
    'zh-CN': '字段 理由：本辖区今日尚未抽取抽查样本，首次抽取无需填写理由',
    'en-US': 'Field reason: your region has not drawn today; the first draw needs no reason',
  },
  NO_CANDIDATES: {
    'zh-CN': '没有可抽查的申请或检查人员',
    'en-US': 'There are no applications or inspectors to draw from',
  },
  SPOT_CHECK_NO_INSPECTOR: {
    'zh-CN':
      '有 {count} 件可抽查的申请（如 {value}）没有可选派的检查人员：检查人员须属于本次抽取的辖区，且所在地区为申请所在地区或其上级，并未经办该申请。请先为相应地区配置督查或审计人员，再抽取',
    'en-US':
      'Applications to draw from with no inspector to send: {count} (such as {value}). An inspector must belong to the drawing region, work in the application’s region or one above it, and not have acted on it. Give those regions a supervisor or auditor, then draw',
  },
  NOT_YOUR_INSPECTION: {
    'zh-CN': '该抽查项未分配给您，或已记录结果',
    'en-US': 'This item is not assigned to you, or its outcome is already recorded',
  },
  SWEEP_NOT_FOUND: { 'zh-CN': '该排查任务不存在或不在您的管辖范围内', 'en-US': 'No such sweep in your regions' },
  UNKNOWN_PARAMETER: { 'zh-CN': '参数“{value}”不存在', 'en-US': 'There is no parameter “{value}”' },
  TRAINING_ITEM_NOT_FOUND: {
    'zh-CN': '培训需求目录中没有该项目，或不在您的管辖范围内',
    'en-US': 'No such training-demand catalogue item in your regions',
  },
  TRAINING_ITEM_EXISTS: {
    'zh-CN': '目录中已有同一职业（工种）、等级和培训类型的项目在这些日期有效（编号 {value}），如需调整请先移出该项目',
    'en-US':
      'The catalogue already has an item of this occupation, level and kind in force on these days ({value}); move it out first to change it',
  },
  INSTITUTION_NOT_FOUND: {
    'zh-CN': '培训机构不存在或不在您的管辖范围内',
    'en-US': 'No such training institution in your regions',
  },
  INSTITUTION_ALREADY_LISTED: {
    'zh-CN': '该单位已在培训机构目录中',
    'en-US': 'This unit is already in the institution catalogue',
  },
  INSTITUTION_REMOVED: {
    'zh-CN': '该培训机构已于 {value} 移出目录，不能开设新的培训班',
    'en-US': 'The institution was moved out of the catalogue on {value}; it may open no new class',
  },
  ITEM_NOT_OFFERED: {
    'zh-CN': '该培训机构不能开展此培训项目',
    'en-US': 'The institution may not run this training item',
  },
  ITEM_NOT_IN_FORCE: {
    'zh-CN': '该培训项目在开班日期 {value} 不在培训需求目录内',
    'en-US': 'The training item is not in the catalogue on the start date {value}',
  },
  ROSTER_OVER_CAPACITY: {
    'zh-CN': '学员人数超过机构培训能力（{value} 人）',
    'en-US': 'The roster is larger than the institution’s capacity ({value})',
  },
  CLASS_NOT_FOUND: { 'zh-CN': '培训班不存在或不在您的管辖范围内', 'en-US': 'No such training class in your regions' },
  SESSION_NOT_HELD_YET: {
    'zh-CN': '第 {value} 次课尚未到期：按开班计划，截至今天最多可记录到第 {last} 次课的签到。签到应随堂记录',
    'en-US':
      'Session {value} is not due yet: by the class plan, check-ins can be recorded up to session {last} today. Record them as the class runs',
  },
  CLASS_NOT_STARTED: {
    'zh-CN': '培训班 {value} 开班，开班前不能记录签到',
    'en-US': 'The class starts on {value}; check-ins are recorded from then',
  },
  /** The same class (item, dates, roster) opened twice, as a double click does. */
  CLASS_ALREADY_APPLIED: {
    'zh-CN': '同一培训项目、日期和学员名单的开班申请已提交（{value}），请勿重复申请',
    'en-US': 'This opening (same item, dates and roster) has already been applied for as {value}',
  },
  CLASS_STATE: {
    'zh-CN': '培训班当前状态为「{value}」，不能进行此操作',
    'en-US': 'The class is {value}; this cannot be done now',
  },
  CLASS_NOT_ENDED: {
    'zh-CN': '培训班 {value} 结束后才能录入结业考核结果',
    'en-US': 'Assessment results can be recorded once the class ends on {value}',
  },
  NOT_ENROLLED: { 'zh-CN': '该人员不在本班学员名册中', 'en-US': 'This person is not on the class roster' },
  ASSESSMENT_INCOMPLETE: {
    'zh-CN': '还有 {value} 名学员没有结业考核结果',
    'en-US': '{value} trainees have no assessment result yet',
  },
  CERTIFICATE_NOT_FOUND: {
    'zh-CN': '未查到该证书：请核对证书编号和姓名',
    'en-US': 'No such certificate: check the serial number and the name',
  },
  OFFER_NOT_FOUND: { 'zh-CN': '该补贴提醒不存在或已处理', 'en-US': 'No such open offer' },
  NOTIFICATION_NOT_FOUND: { 'zh-CN': '该消息不存在', 'en-US': 'No such message' },
  // ── imports ──
  IMPORT_REJECTED: {
    'zh-CN': '文件有 {value} 处错误，未导入任何数据，请按错误清单修改后重新上传',
    'en-US': 'Errors found in the file: {value}; nothing was imported; correct them and upload again',
  },
  BODY_TOO_LARGE: {
    'zh-CN': '上传的内容过大，超过系统允许的上限',
    'en-US': 'The upload is larger than the platform accepts',
  },
  UNSUPPORTED_FILE: {
    'zh-CN': '文件格式不支持，请上传系统提供模板的 .xlsx 或 .csv 文件',
    'en-US': 'Unsupported file; upload .xlsx or .csv made from the template',
  },
  SHEET_TOO_LARGE: {
    'zh-CN': '字段 {field}：表格文件超过 {max}，请拆分后分批上传',
    'en-US': 'Field {field}: the spreadsheet is larger than {max}; split it and upload the parts',
  },
  SHEET_UNZIPPED_TOO_LARGE: {
    'zh-CN': '字段 {field}：表格解压后超过 {max}，请拆分后分批上传',
    'en-US': 'Field {field}: the spreadsheet unzips to more than {max}; split it and upload the parts',
  },
  SHEET_COMPRESSION_SUSPECT: {
    'zh-CN': '字段 {field}：表格的压缩比异常（解压后超过压缩前的 {max} 倍，或大于文件自身所记载的大小），已拒绝',
    'en-US':
      'Field {field}: the spreadsheet unzips out of proportion (over {max} times its compressed size, or larger than it declares); refused',
  },
  SHEET_TOO_MANY_ROWS: {
    'zh-CN': '字段 {field}：表格超过 {max} 行，请拆分后分批上传',
    'en-US': 'Field {field}: the spreadsheet has more than {max} rows; split it and upload the parts',
  },
  SHEET_TOO_COMPLEX: {
    'zh-CN': '字段 {field}：表格过大或过于复杂，未能在限定的时间和内存内读完，请拆分后分批上传',
    'en-US':
      'Field {field}: the spreadsheet could not be read within the time and memory allowed; split it and upload the parts',
  },
  // ── employment services (就业失业登记、就业困难人员认定、就业援助) ──
  REGISTERED_ELSEWHERE: {
    'zh-CN': '字段 {field}：该人员已于 {date} 在{region}办理{kind}，请先在当地终止该登记',
    'en-US':
      'Field {field}: this person has had an open {kind} registration in {region} since {date}; end it there first',
  },
  REGISTRATION_OVERLAPS: {
    'zh-CN': '字段 {field}：新登记期间（{new}）与已有的{kind}期间（{existing}）重叠',
    'en-US': 'Field {field}: the new registration ({new}) overlaps the {kind} registration of {existing}',
  },
  REGISTRATION_STARTS_TOO_EARLY: {
    'zh-CN': '字段 {field}：已有的{kind}自 {date} 起；新登记须从 {next} 或以后开始，原登记于新登记前一日终止',
    'en-US':
      'Field {field}: the {kind} registration began on {date}; a new one must start on {next} or later, the old one ending the day before',
  },
  ALREADY_REGISTERED: {
    'zh-CN': '字段 {field}：该人员已有一条未终止的登记（可能刚由他人办理），请刷新后查看',
    'en-US':
      'Field {field}: this person already has an open registration (perhaps just made by someone else); reload to see it',
  },
  NOT_RESIDENCE_REGION: {
    'zh-CN': '字段 {field}：按常住地登记，须在常住地 {expected} 办理',
    'en-US': 'Field {field}: a registration at the place of residence must be made in {expected}',
  },
  NOT_HUKOU_REGION: {
    'zh-CN': '字段 {field}：按户籍地登记，须在户籍地 {expected} 办理',
    'en-US': 'Field {field}: a registration at the place of 户籍 must be made in {expected}',
  },
  DATE_IN_FUTURE: {
    'zh-CN': '字段 {field}：日期不能晚于今天',
    'en-US': 'Field {field}: the date may not be after today',
  },
  BEFORE_WORKING_AGE: {
    'zh-CN': '字段 {field}：登记日期不得早于年满16周岁之日（{date}）',
    'en-US': 'Field {field}: a registration cannot start before the person turned 16 ({date})',
  },
  END_BEFORE_START: {
    'zh-CN': '字段 {field}：终止日期不能早于登记日期 {date}',
    'en-US': 'Field {field}: the end may not be before the registration began ({date})',
  },
  CONTACT_BEFORE_CASE: {
    'zh-CN': '字段 {field}：服务日期不能早于援助开始日期 {date}',
    'en-US': 'Field {field}: the contact cannot be before the case was opened ({date})',
  },
  EXIT_BEFORE_CERTIFIED: {
    'zh-CN': '字段 {field}：退出日期不能早于认定生效日期 {date}',
    'en-US': 'Field {field}: the exit cannot be before the certification took effect ({date})',
  },
  REGISTRATION_NOT_FOUND: {
    'zh-CN': '登记不存在或不在您的管辖范围内',
    'en-US': 'No such registration in your regions',
  },
  REGISTRATION_ENDED: { 'zh-CN': '该登记已终止', 'en-US': 'This registration has already ended' },
  CATEGORY_NOT_IN_FORCE: {
    'zh-CN': '字段 {field}：本地区现行就业困难人员认定范围不含所选类别',
    'en-US': 'Field {field}: the chosen group is not among this region’s hard-to-employ categories in force',
  },
  NOT_ON_CATEGORY_LIST: {
    'zh-CN': '字段 {field}：{date} 的名单未载明此人今日属于所选类别，请附证明材料（如低保证、乡镇出具的证明）',
    'en-US':
      'Field {field}: the list of {date} does not hold this person in the chosen group today; attach the evidence (a 低保 certificate, the township’s letter …)',
  },
  LIST_DOES_NOT_HOLD: {
    'zh-CN': '字段 {field}：{date} 的名单未载明此人今日属于所选类别；如仍予认定，请写明理由',
    'en-US':
      'Field {field}: the list of {date} does not hold this person in the chosen group today; to certify all the same, give the reason',
  },
  CERTIFICATION_PENDING: {
    'zh-CN': '字段 {field}：该人员已有一份在办或有效的就业困难人员认定',
    'en-US': 'Field {field}: this person already has a hard-to-employ certification filed or in force',
  },
  CERTIFICATION_NOT_FOUND: {
    'zh-CN': '认定申请不存在或不在您的管辖范围内',
    'en-US': 'No such certification in your regions',
  },
  CERTIFICATION_NOT_PENDING: {
    'zh-CN': '该认定申请已作出决定',
    'en-US': 'This certification has already been decided',
  },
  CERTIFICATION_NOT_IN_FORCE: { 'zh-CN': '该认定当前不在有效期内', 'en-US': 'This certification is not in force' },
  OWN_FILING: {
    'zh-CN': '认定申请须由提交人以外的人员决定（岗位分离）',
    'en-US': 'A certification must be decided by someone other than the person who filed it (separation of duties)',
  },
  CASE_NOT_FOUND: { 'zh-CN': '援助对象不存在或不在您的管辖范围内', 'en-US': 'No such assistance case in your regions' },
  CASE_CLOSED: { 'zh-CN': '该援助已结案', 'en-US': 'This assistance case is closed' },
  UNKNOWN_IMPORT_KIND: { 'zh-CN': '没有名为 {value} 的导入模板', 'en-US': 'There is no import template {value}' },
  // ── start-up guaranteed loans (创业担保贷款) ──
  LOAN_NOT_FOUND: { 'zh-CN': '贷款不存在或不在您的管辖范围内', 'en-US': 'No such loan in your reach' },
  LOAN_INSTITUTION_NOT_FOUND: {
    'zh-CN': '字段 {field} 所指的经办银行或担保机构不存在或不在本地区',
    'en-US': 'The bank or guarantee institution in {field} does not exist in the region',
  },
  LOAN_INSTITUTION_EXISTS: {
    'zh-CN': '该单位已登记为同类贷款机构',
    'en-US': 'This unit is already registered as such an institution',
  },
  COUNTER_GUARANTEE_NOT_ASKED: {
    'zh-CN': '字段 {field}：未要求反担保（已免除或不予担保），无需填写反担保方式和说明',
    'en-US': 'Field {field}: no counter-guarantee is asked (waived, or the guarantee refused), so none is described',
  },
  LOAN_NOT_OFFERED: {
    'zh-CN': '本地区在 {value} 没有施行中的创业担保贷款政策。政策施行期：{periods}',
    'en-US': 'No start-up guaranteed loan policy is in force here on {value}. In force: {periods}',
  },
  LOAN_OVER_LIMIT: {
    'zh-CN': '字段 {field}：贷款额度超过最高额度 {detail}',
    'en-US': 'Field {field}: the loan is over the limit {detail}',
  },
  LOAN_TERM_TOO_LONG: {
    'zh-CN': '字段 {field}：贷款期限超过最长期限 {detail}',
    'en-US': 'Field {field}: the term is longer than {detail}',
  },
  LOAN_LIVE_EXISTS: {
    'zh-CN': '已有一笔未结清的创业担保贷款，结清后方可再次申请',
    'en-US': 'A start-up guaranteed loan is still open; apply again once it is repaid',
  },
  LOAN_STATE: {
    'zh-CN': '该贷款当前状态为“{state}”，不能办理此事项',
    'en-US': 'The loan is {state}; this cannot be done now',
  },
  LOAN_OVER_REQUESTED: {
    'zh-CN': '字段 {field}：放款金额不能超过申请金额 {amount}',
    'en-US': 'Field {field}: the loan cannot be more than the {amount} applied for',
  },
  LOAN_TERM_OVER_GUARANTEED: {
    'zh-CN': '字段 {field}：贷款期限不能超过申请并经担保的 {months} 个月',
    'en-US': 'Field {field}: the term cannot be longer than the {months} months applied for and guaranteed',
  },
  COMPENSATION_OVER_PRINCIPAL: {
    'zh-CN': '字段 {field}：代偿金额不能超过贷款本金 {amount}',
    'en-US': 'Field {field}: the compensation cannot be more than the loan’s principal of {amount}',
  },
  LOAN_DISBURSED_BEFORE_GUARANTEE: {
    'zh-CN': '字段 {field}：放款日期不能早于担保日期 {date}',
    'en-US': 'Field {field}: a loan cannot be disbursed before it was guaranteed ({date})',
  },
  LOAN_RATE_OVER_CAP: {
    'zh-CN': '字段 {field}：利率高于经办银行约定的上限 {detail}',
    'en-US': "Field {field}: the rate is above the bank's agreed cap {detail}",
  },
  LOAN_EXTENSION_NOT_ALLOWED: {
    'zh-CN': '本地区政策未规定展期，或已展期一次，或展期超过 {detail}',
    'en-US': 'No extension is allowed here, the loan was extended already, or it is longer than {detail}',
  },
  LOAN_PERIOD_SUBSIDISED: {
    'zh-CN': '该贷款 {value} 的贴息已经计算过',
    'en-US': 'The interest subsidy for {value} of this loan was computed already',
  },
  GUARANTEE_FUND_EXHAUSTED: {
    'zh-CN': '担保基金余额不足以代偿：尚余 {detail}',
    'en-US': 'The guarantee fund cannot cover this compensation: {detail} left',
  },
  STATEMENT_ALREADY_IMPORTED: {
    'zh-CN': '该结息清单已导入，未重复计算贴息',
    'en-US': 'This statement was imported already; nothing was computed twice',
  },
  // ── the labour market (岗位、求职、岗位推荐) ──
  PAY_RANGE_INVERTED: {
    'zh-CN': '字段 {field}：薪酬上限 {max} 低于下限 {min}',
    'en-US': 'Field {field}: the highest pay ({max}) is below the lowest ({min})',
  },
  UNKNOWN_OCCUPATION: {
    'zh-CN': '字段 {field}：不是职业分类大典中已收录的职业编码',
    'en-US': 'Field {field}: not an occupation code of the classification',
  },
  DATES_REVERSED: {
    'zh-CN': '字段 {field}：结束日期不能早于开始日期 {date}',
    'en-US': 'Field {field}: the end may not be before the start ({date})',
  },
  POSTING_PAST: {
    'zh-CN': '字段 {field}：有效期已过，请填写今天或以后的日期',
    'en-US': 'Field {field}: the validity has ended; give today or a later day',
  },
  POSTING_TOO_LONG: {
    'zh-CN': '字段 {field}：岗位信息有效期最长 {months} 个月，到期后请重新发布',
    'en-US': 'Field {field}: a posting runs {months} months at most; post it again afterwards',
  },
  DISCRIMINATORY_CONTENT: {
    'zh-CN': '字段 {field} 含有歧视性内容：{found}，请修改后重新提交',
    'en-US': 'Field {field} contains discriminatory content: {found}; correct it and submit again',
  },
  EMPLOYER_DEREGISTERED: {
    'zh-CN': '字段 {field}：单位“{name}”在市场主体登记中已注销（{date}），不能发布岗位',
    'en-US': 'Field {field}: the unit “{name}” is deregistered in the business registry ({date}) and may not post jobs',
  },
  /** The unit's same job (title, occupation, workplace, pay) is open already: posted twice at once or again. */
  DUPLICATE_POSTING: {
    'zh-CN':
      '字段 {field}：本单位已有相同的岗位（名称、职业、工作地点和薪酬均相同）在审核中或已发布，有效期至 {date}，请勿重复发布；需增加人数请修改原岗位',
    'en-US':
      'Field {field}: the unit already has this job (same title, occupation, workplace and pay) waiting for review or published, valid to {date}; do not post it again — to hire more people, correct that posting',
  },
  /** 《劳动法》 第四十八条: monthly pay below the workplace's minimum wage in force. */
  PAY_BELOW_MINIMUM_WAGE: {
    'zh-CN':
      '字段 {field}：月薪下限 {pay} 低于工作地当地月最低工资标准 {standard}（{from}起执行；《劳动法》第四十八条）',
    'en-US':
      'Field {field}: the lowest monthly pay ({pay}) is below the local monthly minimum wage of the workplace, {standard} (in force from {from}; Labour Law, art. 48)',
  },
  /** A workplace outside the unit's province: jobs elsewhere go through the bureaux' labour cooperation. */
  WORKPLACE_OUT_OF_PROVINCE: {
    'zh-CN':
      '字段 {field}：工作地点 {value} 不在本单位所在省份（{province}）内；省外岗位请通过劳务协作渠道由当地人社部门发布',
    'en-US':
      'Field {field}: the workplace {value} is outside the unit’s province ({province}); jobs in another province are posted through labour cooperation by that province’s bureau',
  },
  NOT_A_UNIT: {
    'zh-CN': '只有单位账号可以发布和管理本单位的岗位',
    'en-US': 'Only a unit’s account can post and manage its jobs',
  },
  POSTING_NOT_FOUND: { 'zh-CN': '岗位不存在或不在您的管辖范围内', 'en-US': 'No such posting in your regions' },
  POSTING_ONLY_FOR_REFERRAL: {
    'zh-CN': '字段 {field}：只有岗位推荐需要选择岗位，请将服务类型改为“岗位推荐”或清空岗位',
    'en-US': 'Field {field}: only a job referral names a posting; choose the kind “Job referral” or clear the posting',
  },
  POSTING_WITHDRAWN: { 'zh-CN': '该岗位已撤回', 'en-US': 'This posting has been withdrawn' },
  POSTING_NOT_SUBMITTED: {
    'zh-CN': '该岗位不在待审核状态（可能刚由他人审核），请刷新后查看',
    'en-US': 'This posting is not waiting for review (perhaps someone just reviewed it); reload to see it',
  },
  SOD_OWN_POSTING: {
    'zh-CN': '不能审核本人发布或修改的岗位',
    'en-US': 'You may not review a posting you posted or corrected',
  },
  POSTING_NOT_OPEN: {
    'zh-CN': '字段 {field}：该岗位已过期或未发布（有效期至 {date}），不能推荐',
    'en-US': 'Field {field}: the posting has expired or is not published (valid to {date}); no referral can be made',
  },
  SEEKER_NOT_FOUND: { 'zh-CN': '求职人员不存在或不在您的管辖范围内', 'en-US': 'No such job seeker in your regions' },
  ALREADY_REFERRED: {
    'zh-CN': '字段 {field}：已向该岗位推荐过此人（可能刚由他人推荐），请刷新后查看',
    'en-US':
      'Field {field}: this person was already referred to this posting (perhaps just now by someone else); reload to see it',
  },
  REFERRAL_NOT_FOUND: { 'zh-CN': '推荐记录不存在', 'en-US': 'No such referral' },
  REFERRAL_ANSWERED: {
    'zh-CN': '字段 {field}：该推荐已有结果，不能再作此答复',
    'en-US': 'Field {field}: this referral has been answered already; this answer is no longer possible',
  },
  GIG_STATION_NOT_FOUND: {
    'zh-CN': '零工驿站不存在或不在您的管辖范围内',
    'en-US': 'No such gig station in your regions',
  },
  GIG_STATION_EXISTS: {
    'zh-CN': '字段 {field}：该地区已有同名零工驿站（可能刚由他人建立）',
    'en-US': 'Field {field}: the region already has a gig station of this name (perhaps just added by someone else)',
  },
  GIG_TOO_LONG: {
    'zh-CN': '字段 {field}：零工岗位有效期最长 {days} 天',
    'en-US': 'Field {field}: a gig posting is valid for at most {days} days',
  },
  GIG_NOT_OPEN: {
    'zh-CN': '字段 {field}：该零工岗位不属于本驿站，或在 {date} 未发布、不在有效期内',
    'en-US': 'Field {field}: the gig is not this station’s, or was not published and open on {date}',
  },
  GIG_WORKER_NOT_FOUND: {
    'zh-CN': '字段 {field}：此人未在本驿站登记为零工',
    'en-US': 'Field {field}: this person is not registered as a gig worker at this station',
  },
  GIG_ALREADY_MATCHED: {
    'zh-CN': '字段 {field}：此人已与该零工岗位对接过（可能刚由他人登记），请刷新后查看',
    'en-US':
      'Field {field}: this worker was already matched to this gig (perhaps just now by someone else); reload to see it',
  },
  GIG_WORKER_REGISTERED: {
    'zh-CN': '字段 {field}：此人已于 {value} 在本驿站登记，登记日期不能改动',
    'en-US': 'Field {field}: this person registered at this station on {value}; the date cannot change',
  },
  GIG_FULL: {
    'zh-CN': '字段 {field}：该零工岗位招 {value} 人，已全部对接',
    'en-US': 'Field {field}: the gig takes {value} people and all are placed',
  },
  FIGURES_PERIOD: {
    'zh-CN': '字段 {field}：请给出月份（month）或年度（year）其中之一',
    'en-US': 'Field {field}: give either a month or a year, one of them',
  },
  EVENT_NOT_FOUND: {
    'zh-CN': '招聘活动不存在或不在您的管辖范围内',
    'en-US': 'No such recruitment event in your regions',
  },
  EVENT_ENDS_BEFORE_START: {
    'zh-CN': '字段 {field}：结束时间须晚于开始时间',
    'en-US': 'Field {field}: the end must be after the start',
  },
  EVENT_TOO_LONG: {
    'zh-CN': '字段 {field}：一场招聘活动最长 {days} 天，请检查结束日期',
    'en-US': 'Field {field}: an event lasts at most {days} days; check the end date',
  },
  EVENT_POSTING_NOT_OPEN: {
    'zh-CN': '字段 {field}：只能推介已审核发布、在 {date} 仍有效的本辖区岗位',
    'en-US':
      'Field {field}: only reviewed postings in your regions, published and still valid on {date}, can be presented',
  },
  EVENT_NEEDS_PROFILE: {
    'zh-CN': '请先填写求职登记，再投递简历',
    'en-US': 'Fill in your job-seeking profile before sending a CV',
  },
  EVENT_NOT_LIVE: {
    'zh-CN': '该活动不在进行中，不能投递简历',
    'en-US': 'The event is not running; no CV can be sent now',
  },
  EVENT_POSTING_NOT_PRESENTED: {
    'zh-CN': '字段 {field}：该岗位不在本场活动推介的岗位中',
    'en-US': 'Field {field}: this posting is not among those the event presents',
  },
  ALREADY_APPLIED_AT_EVENT: {
    'zh-CN': '字段 {field}：您已在本场活动向该岗位投递过简历',
    'en-US': 'Field {field}: you already sent a CV to this posting at this event',
  },
  EVENT_NOT_OVER: {
    'zh-CN': '活动尚未结束，结束后才能填报成效',
    'en-US': 'The event is not over; results are entered after it',
  },
  EVENT_RESULTS_INCONSISTENT: {
    'zh-CN': '字段 {field}：数字不合逻辑（录用≤面试≤简历，简历不少于平台收到的份数），此处界限为 {value}',
    'en-US':
      'Field {field}: the figures do not add up (hires ≤ interviews ≤ CVs ≥ CVs received); the bound here is {value}',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Why a field failed its schema, where Ajv's words would show people a regular expression or a JSON type. */
export const VALIDATION_DETAILS = {
  pattern: { 'zh-CN': '格式不正确', 'en-US': 'is not in the expected format' },
  /** Written as a date (the pattern passed) but no such day: 2026-02-30, 2026-02-29. */
  'format.date': { 'zh-CN': '不是存在的日期', 'en-US': 'is not a day of the calendar' },
  nul: {
    'zh-CN': '含有不允许的空字符（\\u0000）',
    'en-US': 'contains a NUL character (\\u0000), which is not allowed',
  },
  anyOf: { 'zh-CN': '不是允许的取值之一', 'en-US': 'is not one of the allowed values' },
  'type.string': { 'zh-CN': '应当是文本', 'en-US': 'must be text' },
  'type.integer': { 'zh-CN': '应当是整数', 'en-US': 'must be a whole number' },
  'type.number': { 'zh-CN': '应当是数字', 'en-US': 'must be a number' },
  'type.boolean': { 'zh-CN': '应当是 true 或 false', 'en-US': 'must be true or false' },
  'type.object': { 'zh-CN': '应当是一组字段（对象）', 'en-US': 'must be an object' },
  'type.array': { 'zh-CN': '应当是列表', 'en-US': 'must be a list' },
  'type.null': { 'zh-CN': '应当为空', 'en-US': 'must be null' },
} as const satisfies Record<string, Record<Language, string>>;

/**
 * What a pattern asks for, in words, keyed by the pattern itself: "格式不正确" alone leaves the
 * caller guessing what the format is. A pattern not listed here is "not in the expected format".
 */
export const PATTERN_DETAILS: Record<string, Record<Language, string>> = {
  '^[A-Za-z0-9_.@-]{3,64}$': {
    'zh-CN': '应为 3–64 个英文字母、数字或 _ . @ -',
    'en-US': 'must be 3–64 letters, digits or _ . @ -',
  },
  '^[0-9]{6}$': { 'zh-CN': '应为 6 位数字的行政区划代码', 'en-US': 'must be a 6-digit region code' },
  '^\\d{6}$': { 'zh-CN': '应为 6 位数字的行政区划代码', 'en-US': 'must be a 6-digit region code' },
  '^\\d{4}-\\d{2}-\\d{2}$': { 'zh-CN': '应为日期，格式 2026-01-31', 'en-US': 'must be a date like 2026-01-31' },
  '^\\d{4}-\\d{2}$': { 'zh-CN': '应为年月，格式 2026-01', 'en-US': 'must be a month like 2026-01' },
  '^20[0-9]{2}-(0[1-9]|1[0-2])$': { 'zh-CN': '应为年月，格式 2026-01', 'en-US': 'must be a month like 2026-01' },
  '^1\\d{10}$': {
    'zh-CN': '应为以 1 开头的 11 位手机号码',
    'en-US': 'must be an 11-digit mobile number starting with 1',
  },
  '^[0-9A-Za-z -]+$': { 'zh-CN': '只能包含字母和数字', 'en-US': 'may hold only letters and digits' },
  '\\S': { 'zh-CN': '不能只有空白', 'en-US': 'must not be blank' },
  '^[1-8]-[0-9]{2}-[0-9]{2}-[0-9]{2}$': {
    'zh-CN': '应为职业分类大典的细类编码，如 6-18-01-01',
    'en-US': 'must be an occupation code of the classification, like 6-18-01-01',
  },
};

/** A length or count a field must keep to, with its limit (`{n}`): ajv's English shouts "must NOT have fewer than". */
export const VALIDATION_LIMITS = {
  minLength: { 'zh-CN': '不能少于 {n} 个字符', 'en-US': 'must be at least {n} characters long' },
  maxLength: { 'zh-CN': '不能多于 {n} 个字符', 'en-US': 'must be at most {n} characters long' },
  minItems: { 'zh-CN': '不能少于 {n} 项', 'en-US': 'must have at least {n} items' },
  maxItems: { 'zh-CN': '不能多于 {n} 项', 'en-US': 'must have at most {n} items' },
} as const satisfies Record<string, Record<Language, string>>;

/** zh-CN unless the caller asks for English first. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

/** A value may come in both languages (`role.zh-CN`, `role.en-US`): names people read, such as a role's. */
export function message(code: ErrorCode, language: Language, values: Record<string, string> = {}): string {
  return filled(ERROR_MESSAGES[code][language], language, values);
}

/** A template's `{placeholders}` filled, a value in the caller's language first. */
function filled(template: string, language: Language, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[`${key}.${language}`] ?? values[key] ?? '');
}

/** What to say about a field beside the field itself, where the message would name it again. */
const BESIDE_THE_FIELD: Partial<Record<ErrorCode, Record<Language, string>>> = {
  VALIDATION_FAILED: { 'zh-CN': '{detail}', 'en-US': 'This field {detail}' },
  REQUIRED_FIELD: { 'zh-CN': '必填', 'en-US': 'This field is required' },
};
const FIELD_PREFIX: Record<Language, string> = { 'zh-CN': '字段 {field}：', 'en-US': 'Field {field}: ' };

/**
 * The message without the field's name, for a form to show under that field (“格式不正确”, not
 * “字段 申请内容 › 录用人员，第 1 项 › 身份证号码 不符合要求：格式不正确”); undefined when the
 * message cannot be said without it.
 */
export function reasonOf(code: ErrorCode, language: Language, values: Record<string, string> = {}): string | undefined {
  const template = ERROR_MESSAGES[code][language];
  const prefix = FIELD_PREFIX[language];
  const beside =
    BESIDE_THE_FIELD[code]?.[language] ?? (template.startsWith(prefix) ? template.slice(prefix.length) : undefined);
  if (beside === undefined) return undefined;
  const said = filled(beside, language, values);
  return language === 'en-US' ? said.charAt(0).toUpperCase() + said.slice(1) : said;
}
