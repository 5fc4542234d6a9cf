/**
 * Texts of the back office (the staff frame, the worklist, reconciliation), under `backOffice.` in
 * both languages; a file of its own so the two big message files stay readable. The English is
 * typed against the Chinese, so a key missing in either fails the type check.
 */
export const backOfficeZh = {
  frame: {
    title: '惠民 · 经办后台',
    publicSite: '返回门户',
    groups: {
      review: '受理审核',
      payments: '资金拨付',
      training: '培训',
      employment: '就业服务',
      registry: '人员库',
      supervision: '监督',
      system: '系统管理',
    },
    application: '申请详情',
    notice: '文书',
    home: '首页',
  },
  worklist: {
    views: { queue: '我的待办', processed: '我经办的', all: '全部申请' },
    search: '姓名 / 身份证号 / 申请编号',
    searchHint: '输入姓名开头、完整身份证号或统一社会信用代码、申请编号',
    submitted: '提交日期',
    decided: '判定金额',
    export: '导出当前筛选结果',
    exportLimit: '最多导出 10,000 条',
    open: '办理',
    reset: '重置',
    query: '查询',
    totalAtLeast: '{{count}} 条以上，请缩小筛选范围',
  },
  accounts: {
    displayName: '姓名',
    roles: '岗位',
    active: '启用',
    inactive: '停用',
    locked: '已锁定',
    mustChange: '待修改初始密码',
    createdAt: '创建时间',
  },
  pager: {
    previous: '上一件',
    next: '下一件',
    position: '当前列表第 {{index}} / {{total}} 件',
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export const backOfficeEn: DeepStrings<typeof backOfficeZh> = {
  frame: {
    title: 'Huimin · Back office',
    publicSite: 'Public site',
    groups: {
      review: 'Acceptance & review',
      payments: 'Payments',
      training: 'Training',
      employment: 'Employment services',
      registry: 'Registry',
      supervision: 'Supervision',
      system: 'Administration',
    },
    application: 'Application',
    notice: 'Notice',
    home: 'Home',
  },
  worklist: {
    views: { queue: 'My queue', processed: 'Processed by me', all: 'All applications' },
    search: 'Name / ID number / application number',
    searchHint: 'The start of a name, a whole ID number or credit code, or an application number',
    submitted: 'Submitted',
    decided: 'Decided amount',
    export: 'Export the filtered rows',
    exportLimit: 'At most 10,000 rows',
    open: 'Open',
    reset: 'Reset',
    query: 'Search',
    totalAtLeast: 'More than {{count}}: narrow the filters',
  },
  accounts: {
    displayName: 'Name',
    roles: 'Roles',
    active: 'Active',
    inactive: 'Disabled',
    locked: 'Locked',
    mustChange: 'First password to change',
    createdAt: 'Created',
  },
  pager: {
    previous: 'Previous',
    next: 'Next',
    position: 'Application {{index}} of {{total}} in the list',
  },
};
