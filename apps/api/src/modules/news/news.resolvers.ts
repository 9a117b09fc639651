import type { Resolvers } from '../../generated/graphql.ts';
import { markNewsRead, myNews, newsPost, newsTargets, postNews, sentNews } from './news.service.ts';

export const newsResolvers: Resolvers = {
  Query: {
    myNews: (_parent, args, ctx) => myNews(ctx, args.studentId),
    newsTargets: (_parent, _args, ctx) => newsTargets(ctx),
    sentNews: (_parent, _args, ctx) => sentNews(ctx),
    newsPost: (_parent, args, ctx) => newsPost(ctx, args.id),
  },
  Mutation: {
    postNews: (_parent, args, ctx) => postNews(ctx, args.input),
    markNewsRead: (_parent, args, ctx) => markNewsRead(ctx, args.id),
  },
};
