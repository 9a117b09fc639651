/** Which of `news.audience.*` names a post's readers. */
export const audienceKey = (post: { toGuardians: boolean; toStudents: boolean }): 'both' | 'guardians' | 'students' =>
  post.toGuardians && post.toStudents ? 'both' : post.toGuardians ? 'guardians' : 'students';
