import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Id, Me } from '../../api/types';

export interface VisibleDepartment {
  id: Id;
  name: string;
}

/** The address of a department's figures on the Analytics page. */
export function analyticsHref(departmentId: Id): string {
  return `#/analytics?department=${encodeURIComponent(departmentId)}`;
}

/** My own department, which everyone with one may see. */
export function ownDepartment(me: Pick<Me, 'departmentId' | 'departmentName'>): VisibleDepartment[] {
  return me.departmentId ? [{ id: me.departmentId, name: me.departmentName ?? '' }] : [];
}

/**
 * The departments whose figures I may see: the server decides (the company answer lists exactly those: all for
 * admins, the managed ones and my own for managers, my own for employees); my own department until it answers or
 * when it refuses.
 */
export function useVisibleDepartments(me: Pick<Me, 'employeeId' | 'departmentId' | 'departmentName'>): VisibleDepartment[] {
  const [visible, setVisible] = useState<VisibleDepartment[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.analytics
      .company('rolling30', controller.signal)
      .then((c) => setVisible(c.departments.filter((d) => d.departmentId).map((d) => ({ id: d.departmentId!, name: d.departmentName ?? '' }))))
      .catch(() => undefined);
    return () => controller.abort();
  }, [me.employeeId]);
  return visible ?? ownDepartment(me);
}
